package com.example.shop.catalog.handler;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.example.shop.catalog.testing.InMemoryCatalogReadModel;
import com.example.shop.catalog.testing.InMemoryCatalogRepository;
import com.example.shop.catalog.domain.CatalogProjector;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.catalog.domain.ProductView;
import com.example.shop.platform.testing.TestObservability;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.example.shop.catalog.CatalogFixtures.BEANS;
import static com.example.shop.catalog.CatalogFixtures.BEANS_ID;
import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.euros;
import static com.example.shop.catalog.CatalogFixtures.originAt;
import static com.example.shop.catalog.CatalogFixtures.product;
import static com.example.shop.catalog.adapter.CatalogStreamFixtures.insert;
import static com.example.shop.catalog.adapter.CatalogStreamFixtures.modify;
import static com.example.shop.catalog.adapter.CatalogStreamFixtures.record;
import static com.example.shop.catalog.adapter.CatalogStreamFixtures.image;
import static com.example.shop.catalog.adapter.CatalogStreamFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;

/** The projector fed stream records of the catalog table, delivered twice, late or broken. */
class ProjectCatalogHandlerTest {

    private final InMemoryCatalogRepository catalog = new InMemoryCatalogRepository().with(COFFEE).with(BEANS);
    private final InMemoryCatalogReadModel readModel = new InMemoryCatalogReadModel();
    private final ProjectCatalogHandler handler = new ProjectCatalogHandler(new CatalogProjector(catalog, readModel), TestObservability.of("catalog"));

    private final Product repriced = BEANS.repriced(euros(1990));

    private static List<String> failed(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    @Test
    void a_new_product_from_the_stream_fixture_becomes_a_view_with_its_category_name() {
        var response = handler.handleRequest(EventLoader.loadDynamoDbEvent("events/streams/product-created-insert.json"), null);

        assertThat(failed(response)).isEmpty();
        assertThat(readModel.product(BEANS_ID)).map(ProductView::categoryName).contains("Coffee");
        assertThat(readModel.product(BEANS_ID)).map(ProductView::description).contains("Dark roast, whole beans");
    }

    @Test
    void the_same_change_delivered_twice_leaves_one_view_written_once() {
        var batch = stream(insert("1", BEANS, originAt(0)), modify("2", BEANS, originAt(0), repriced, originAt(60)));

        handler.handleRequest(batch, null);
        var again = handler.handleRequest(batch, null);

        assertThat(failed(again)).isEmpty();
        assertThat(readModel.writes()).isEqualTo(2);
        assertThat(readModel.product(BEANS_ID)).contains(ProductView.of(repriced, COFFEE));
    }

    @Test
    void an_older_change_after_a_newer_one_leaves_the_newer_view() {
        handler.handleRequest(stream(modify("2", BEANS, originAt(0), repriced, originAt(60))), null);

        var late = handler.handleRequest(stream(insert("1", BEANS, originAt(0))), null);

        assertThat(failed(late)).isEmpty();
        assertThat(readModel.product(BEANS_ID)).map(ProductView::price).contains(euros(1990));
    }

    @Test
    void a_rename_updates_every_view_of_the_category() {
        Product mug = product("prod-mug", "Mug");
        Product grinder = product("prod-grinder", "Grinder").discontinued();
        catalog.with(mug).with(grinder);
        handler.handleRequest(stream(insert("1", BEANS, originAt(0)), insert("2", mug, originAt(0)),
                insert("3", grinder, originAt(0))), null);
        Category renamed = COFFEE.renamed("Kaffee");

        var response = handler.handleRequest(stream(modify("4", COFFEE, originAt(0), renamed, originAt(60))), null);

        assertThat(failed(response)).isEmpty();
        assertThat(readModel.views().values()).hasSize(3)
                .allSatisfy(view -> assertThat(view.categoryName()).isEqualTo("Kaffee"));
    }

    @Test
    void a_record_that_cannot_be_projected_is_reported_and_the_records_after_it_wait() {
        Product orphan = Product.introduce(new ProductId("prod-orphan"), "Orphan", "", new CategoryId("cat-none"),
                euros(1));
        Product mug = product("prod-mug", "Mug");
        catalog.with(mug);

        var response = handler.handleRequest(stream(insert("1", BEANS, originAt(0)), insert("2", orphan, originAt(0)),
                insert("3", mug, originAt(0))), null);

        assertThat(failed(response)).containsExactly("2");
        assertThat(readModel.views().keySet()).containsExactly(BEANS_ID);
    }

    @Test
    void removals_and_foreign_items_are_ignored() {
        var response = handler.handleRequest(stream(
                record("REMOVE", "1", image(BEANS, originAt(0)), null),
                record("INSERT", "2", null, java.util.Map.of("pk",
                        new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("audit#1")))), null);

        assertThat(failed(response)).isEmpty();
        assertThat(readModel.writes()).isZero();
    }
}
