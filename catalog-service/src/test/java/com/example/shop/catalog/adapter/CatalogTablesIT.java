package com.example.shop.catalog.adapter;

import com.example.shop.catalog.domain.CatalogEntry;
import com.example.shop.catalog.domain.CatalogProjector;
import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.ChangeOrigin;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.catalog.domain.ProductView;
import com.example.shop.catalog.domain.RebuildReadModel;
import com.example.shop.events.Money;
import com.example.shop.localcloud.emulator.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog's two DynamoDB adapters against DynamoDB as moto emulates it: the write model's
 * optimistic locking, the read model's version conditions, the {@code byCategory} index with its
 * filtered, cursor-paged listing, and projector and rebuild running on both tables.
 *
 * <p>Starts its own moto server through the local emulator (which creates the project virtualenv
 * on first use and makes moto's conditional writes atomic, as DynamoDB's are) and stops it
 * afterwards; each test gets fresh tables created with the SDK, shaped as in
 * {@code infra/parts/catalog.yaml}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CatalogTablesIT {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final ChangeOrigin ORIGIN = new ChangeOrigin("req-1", "corr-1", Instant.parse("2026-11-27T10:15:30Z"));
    private static final Category COFFEE = Category.create(new CategoryId("cat-coffee"), "Coffee");

    private static MotoServer moto;
    private static DynamoDbClient dynamo;

    private DynamoDbCatalogRepository catalog;
    private DynamoDbCatalogReadModel readModel;
    private String writeTable;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start();
        dynamo = new com.example.shop.localcloud.emulator.AwsClients(moto.endpoint()).build(DynamoDbClient.builder());
    }

    @AfterAll
    static void stopMoto() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void freshTables() {
        int n = TABLES.incrementAndGet();
        writeTable = "catalog-it-" + n;
        String readTable = "catalog-read-it-" + n;
        dynamo.createTable(r -> r.tableName(writeTable).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        dynamo.createTable(r -> r.tableName(readTable).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"), string("categoryId"), string("sortKey"))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(DynamoDbCatalogReadModel.BY_CATEGORY)
                        .keySchema(KeySchemaElement.builder().attributeName("categoryId").keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName("sortKey").keyType(KeyType.RANGE).build())
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        catalog = new DynamoDbCatalogRepository(dynamo, writeTable);
        readModel = new DynamoDbCatalogReadModel(dynamo, readTable);
    }

    private static Product product(String id, String name) {
        return Product.introduce(new ProductId(id), name, "", COFFEE.id(), new Money(1000, "EUR"));
    }

    @Test
    void entries_are_written_read_back_and_carry_the_origin_of_their_write() {
        Product beans = Product.introduce(new ProductId("prod-beans"), "Espresso beans", "Dark roast", COFFEE.id(),
                new Money(1890, "EUR"));
        catalog.add(COFFEE, ORIGIN);
        catalog.add(beans, ORIGIN);

        assertThat(catalog.category(COFFEE.id())).contains(COFFEE);
        assertThat(catalog.product(beans.id())).contains(beans);
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(writeTable)
                .key(Map.of("pk", AttributeValue.fromS("product#prod-beans")))).item();
        assertThat(item.get("correlationId").s()).isEqualTo("corr-1");
        assertThat(item.get("requestId").s()).isEqualTo("req-1");
        assertThat(item.get("changedAt").s()).isEqualTo("2026-11-27T10:15:30Z");
    }

    @Test
    void a_change_is_written_only_over_the_version_before_it() {
        Product beans = product("prod-beans", "Beans");
        catalog.add(beans, ORIGIN);
        Product repriced = beans.repriced(new Money(1990, "EUR"));

        assertThat(catalog.replace(repriced, ORIGIN)).isTrue();
        assertThat(catalog.replace(repriced, ORIGIN)).isFalse();
        assertThat(catalog.replace(beans.discontinued(), ORIGIN)).isFalse();
        assertThat(catalog.product(beans.id())).contains(repriced);
        assertThatThrownBy(() -> catalog.add(beans, ORIGIN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void all_lists_every_category_and_product_and_skips_other_items() {
        catalog.add(COFFEE, ORIGIN);
        catalog.add(product("prod-a", "A"), ORIGIN);
        dynamo.putItem(r -> r.tableName(writeTable).item(Map.of("pk", AttributeValue.fromS("audit#1"))));

        try (var entries = catalog.all()) {
            assertThat(entries.map(CatalogEntry::version).toList()).hasSize(2);
        }
    }

    @Test
    void a_product_view_is_written_once_per_version_and_never_goes_back() {
        Product beans = product("prod-beans", "Beans");
        Product repriced = beans.repriced(new Money(1990, "EUR"));

        assertThat(readModel.applyProduct(beans, COFFEE)).contains(ProductView.of(beans, COFFEE));
        assertThat(readModel.applyProduct(beans, COFFEE)).isEmpty();
        assertThat(readModel.applyProduct(repriced, COFFEE)).contains(ProductView.of(repriced, COFFEE));
        assertThat(readModel.applyProduct(beans, COFFEE)).isEmpty();
        assertThat(readModel.product(beans.id())).contains(ProductView.of(repriced, COFFEE));
    }

    @Test
    void category_names_only_move_forward_and_survive_product_changes() {
        Product beans = product("prod-beans", "Beans");
        Category kaffee = COFFEE.renamed("Kaffee");
        readModel.applyProduct(beans, COFFEE);

        assertThat(readModel.applyCategory(beans.id(), kaffee)).isTrue();
        assertThat(readModel.applyCategory(beans.id(), COFFEE)).isFalse();
        assertThat(readModel.applyCategory(new ProductId("prod-none"), kaffee)).isFalse();
        Optional<ProductView> afterPriceChange = readModel.applyProduct(beans.repriced(new Money(1, "EUR")), COFFEE);

        assertThat(afterPriceChange).map(ProductView::categoryName).contains("Kaffee");
        assertThat(afterPriceChange).map(ProductView::categoryVersion).contains(2L);
    }

    @Test
    void the_category_index_finds_views_behind_a_rename_listed_or_not() {
        readModel.applyProduct(product("prod-a", "A"), COFFEE);
        readModel.applyProduct(product("prod-b", "B").discontinued(), COFFEE);
        Category tea = Category.create(new CategoryId("cat-tea"), "Tea");
        readModel.applyProduct(Product.introduce(new ProductId("prod-t"), "T", "", tea.id(), new Money(1, "EUR")), tea);
        Category kaffee = COFFEE.renamed("Kaffee");
        readModel.applyCategory(new ProductId("prod-a"), kaffee);

        assertThat(readModel.productsBehind(kaffee)).containsExactly(new ProductId("prod-b"));
        assertThat(readModel.productsBehind(kaffee.renamed("Café")))
                .containsExactlyInAnyOrder(new ProductId("prod-a"), new ProductId("prod-b"));
    }

    @Test
    void a_listing_pages_by_cursor_in_name_order_and_skips_discontinued_products() {
        for (String name : List.of("Espresso", "chemex", "Aeropress", "Drip kettle", "bialetti")) {
            readModel.applyProduct(product("prod-" + name.toLowerCase().replace(' ', '-'), name), COFFEE);
        }
        readModel.applyProduct(product("prod-burr", "Burr grinder").discontinued(), COFFEE);
        readModel.applyProduct(product("prod-cezve", "Cezve").discontinued(), COFFEE);

        List<List<String>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = (CatalogReadModel.Page) readModel.listed(COFFEE.id(), 2, cursor);
            pages.add(page.items().stream().map(ProductView::name).toList());
            cursor = page.nextCursor();
        } while (cursor.isPresent() && pages.size() < 10);

        assertThat(pages).containsExactly(List.of("Aeropress", "bialetti"), List.of("chemex", "Drip kettle"),
                List.of("Espresso"));
    }

    @Test
    void a_forged_or_foreign_cursor_is_an_invalid_cursor() {
        readModel.applyProduct(product("prod-a", "A"), COFFEE);
        readModel.applyProduct(product("prod-b", "B"), COFFEE);
        var first = (CatalogReadModel.Page) readModel.listed(COFFEE.id(), 1, Optional.empty());

        assertThat(readModel.listed(new CategoryId("cat-tea"), 1, first.nextCursor()))
                .isInstanceOf(CatalogReadModel.InvalidCursor.class);
        assertThat(readModel.listed(COFFEE.id(), 1, Optional.of("bm90LWpzb24")))
                .isInstanceOf(CatalogReadModel.InvalidCursor.class);
    }

    @Test
    void projector_and_rebuild_build_the_read_model_from_the_write_model() {
        Product beans = product("prod-beans", "Beans");
        catalog.add(COFFEE, ORIGIN);
        catalog.add(beans, ORIGIN);
        CatalogProjector projector = new CatalogProjector(catalog, readModel);
        projector.project(beans);
        Category kaffee = COFFEE.renamed("Kaffee");
        catalog.replace(kaffee, ORIGIN);
        catalog.add(product("prod-mug", "Mug"), ORIGIN);

        var report = new RebuildReadModel(catalog, projector).rebuild();

        assertThat(report).isEqualTo(new RebuildReadModel.Report(1, 2, 1, 1));
        assertThat(readModel.product(beans.id())).map(ProductView::categoryName).contains("Kaffee");
        assertThat(readModel.product(new ProductId("prod-mug"))).map(ProductView::categoryName).contains("Kaffee");
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
