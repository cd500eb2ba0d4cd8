package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.CatalogProjector;
import com.example.shop.catalog.domain.ProductView;
import com.example.shop.catalog.domain.RebuildReadModel;
import com.example.shop.catalog.testing.InMemoryCatalogReadModel;
import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import com.example.shop.platform.testing.EdgeAnswers;
import com.example.shop.platform.testing.HostileBodies;
import com.example.shop.platform.testing.HostileInputs;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.platform.testing.TestObservability;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.CLOCK;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.handler.HttpFixtures.adminCommand;
import static com.example.shop.catalog.handler.HttpFixtures.getProductRequest;
import static com.example.shop.catalog.handler.HttpFixtures.listProductsRequest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every catalog route, sent {@value #TRIES} hostile requests each (bodies drawn from the route's
 * schema and broken in every way {@link HostileBodies} knows, hostile path ids, query parameters
 * and cursors): never a 5xx, every refusal a problem+json, and a refused request writes nothing.
 */
class CatalogRoutesPropertyTest {

    static final int TRIES = 200;

    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository().with(COFFEE).with(BEANS);
    private final InMemoryCatalogReadModel readModel = new InMemoryCatalogReadModel()
            .with(ProductView.of(BEANS, COFFEE));
    private final CatalogAdministration administration = new CatalogAdministration(catalog, new SequentialIds(), CLOCK);

    private void send(APIGatewayV2HTTPEvent request, java.util.function.Function<APIGatewayV2HTTPEvent,
            APIGatewayV2HTTPResponse> handler) {
        int writes = catalog.writes().size();
        int views = readModel.writes();
        APIGatewayV2HTTPResponse response = handler.apply(request);
        if (EdgeAnswers.refused(response, request.getRawPath() + " " + request.getQueryStringParameters() + " "
                + EdgeAnswers.abbreviated(request.getBody()))) {
            assertThat(catalog.writes()).as("catalog writes after a refusal").hasSize(writes);
            assertThat(readModel.writes()).as("read model writes after a refusal").isEqualTo(views);
        }
    }

    @Property(tries = TRIES)
    void post_categories(@ForAll("categoryBodies") String body) {
        send(adminCommand("POST", "/categories", null, body),
                r -> new CreateCategoryHandler(administration, TestObservability.of("catalog")).handleRequest(r, null));
    }

    @Property(tries = TRIES)
    void put_categories_id(@ForAll("ids") String id, @ForAll("renameBodies") String body) {
        send(adminCommand("PUT", "/categories/{id}", id, body),
                r -> new RenameCategoryHandler(administration, TestObservability.of("catalog")).handleRequest(r, null));
    }

    @Property(tries = TRIES)
    void post_products(@ForAll("productBodies") String body) {
        send(adminCommand("POST", "/products", null, body),
                r -> new CreateProductHandler(administration, TestObservability.of("catalog")).handleRequest(r, null));
    }

    @Property(tries = TRIES)
    void put_products_id_price(@ForAll("ids") String id, @ForAll("priceBodies") String body) {
        send(adminCommand("PUT", "/products/{id}/price", id, body),
                r -> new ChangeProductPriceHandler(administration, TestObservability.of("catalog")).handleRequest(r, null));
    }

    @Property(tries = TRIES)
    void post_products_id_discontinue(@ForAll("ids") String id, @ForAll("anyBodies") String body) {
        send(adminCommand("POST", "/products/{id}/discontinue", id, body),
                r -> new DiscontinueProductHandler(administration, TestObservability.of("catalog")).handleRequest(r, null));
    }

    @Property(tries = TRIES)
    void post_admin_catalog_rebuild(@ForAll("anyBodies") String body, @ForAll("queries") Map<String, String> query) {
        APIGatewayV2HTTPEvent request = adminCommand("POST", "/admin/catalog/rebuild", null, body);
        request.setQueryStringParameters(query);
        send(request, r -> new RebuildCatalogReadModelHandler(new RebuildReadModel(catalog,
                new CatalogProjector(catalog, readModel)), TestObservability.of("catalog")).handleRequest(r, null));
    }

    @Property(tries = TRIES)
    void get_products_id(@ForAll("ids") String id) {
        send(getProductRequest(id), r -> new GetProductHandler(readModel, TestObservability.of("catalog")).handleRequest(r, null));
    }

    @Property(tries = TRIES)
    void get_products(@ForAll("queries") Map<String, String> query) {
        send(listProductsRequest(query), r -> new ListProductsHandler(readModel, TestObservability.of("catalog"))
                .handleRequest(r, null));
    }

    @Provide
    Arbitrary<String> categoryBodies() {
        return HostileBodies.of("schemas/create-category-request.schema.json", "{\"name\":\"Tea\"}").bodies();
    }

    @Provide
    Arbitrary<String> renameBodies() {
        return HostileBodies.of("schemas/rename-category-request.schema.json", "{\"name\":\"Kaffee\"}").bodies();
    }

    @Provide
    Arbitrary<String> productBodies() {
        return HostileBodies.of("schemas/create-product-request.schema.json", "{\"name\":\"Moka pot\","
                + "\"description\":\"Three cups\",\"categoryId\":\"cat-coffee\","
                + "\"price\":{\"amountMinor\":3490,\"currency\":\"EUR\"}}").bodies();
    }

    @Provide
    Arbitrary<String> priceBodies() {
        return HostileBodies.of("schemas/change-price-request.schema.json",
                "{\"price\":{\"amountMinor\":1990,\"currency\":\"EUR\"}}").bodies();
    }

    @Provide
    Arbitrary<String> anyBodies() {
        return Arbitraries.oneOf(HostileInputs.strings(200), Arbitraries.just(null), categoryBodies());
    }

    /** Path ids: the real ones sometimes, hostile text mostly. */
    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of(BEANS.id().value(), COFFEE.id().value(), "")),
                net.jqwik.api.Tuple.of(5, HostileInputs.strings(128)));
    }

    /** Query strings of the listing: category, limit and cursor, each real, absent or hostile. */
    @Provide
    Arbitrary<Map<String, String>> queries() {
        Arbitrary<String> category = Arbitraries.oneOf(Arbitraries.of("cat-coffee"), HostileInputs.strings(128));
        Arbitrary<String> limit = Arbitraries.oneOf(Arbitraries.of("1", "20", "100", "101", "0", "-1", "1e3",
                "99999999999999999999", " 5", "5 ", "０"), HostileInputs.strings(10));
        Arbitrary<String> cursor = Arbitraries.oneOf(forgedCursors(), HostileInputs.strings(2048));
        return Combinators.combine(category.optional(), limit.optional(), cursor.optional()).as((c, l, k) -> {
            Map<String, String> query = new HashMap<>();
            c.ifPresent(v -> query.put("category", v));
            l.ifPresent(v -> query.put("limit", v));
            k.ifPresent(v -> query.put("cursor", v));
            return query;
        });
    }

    /** Base64url cursors of the right and wrong shapes, and of the limit's length. */
    private static Arbitrary<String> forgedCursors() {
        return Arbitraries.of(
                "{\"pk\":\"prod-x\",\"categoryId\":\"cat-coffee\",\"sortKey\":\"x#prod-x\"}",
                "{\"pk\":\"prod-x\",\"categoryId\":\"cat-tea\",\"sortKey\":\"x#prod-x\"}",
                "{\"pk\":\"\",\"categoryId\":\"cat-coffee\",\"sortKey\":\"" + "z".repeat(1500) + "\"}",
                "cat-coffee\nespresso#prod-x", "cat-coffee\n", "[]", "null", "{".repeat(5000),
                "\uD800", HostileInputs.EMOJI.repeat(300))
                .map(text -> Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8)))
                .injectDuplicates(0.0)
                .edgeCases(edges -> edges.add("A".repeat(2048)).add("A".repeat(2049)));
    }
}
