package com.example.shop.catalog.adapter;

import com.example.shop.catalog.domain.CatalogEntry;
import com.example.shop.catalog.domain.CatalogProjector;
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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the catalog's two DynamoDB adapters do beyond their ports' contracts
 * ({@code DynamoDbCatalogRepositoryIT}, {@code DynamoDbCatalogReadModelIT}), against DynamoDB as
 * moto emulates it: the item layout that carries each write's origin to the stream, a scan that
 * skips items of other kinds, and projector and rebuild running on both tables.
 *
 * <p>Starts its own moto server through the local emulator (which creates the project virtualenv
 * on first use and makes moto's conditional writes atomic, as DynamoDB's are) and stops it
 * afterwards; each test gets fresh tables created with the SDK ({@link CatalogTables}), shaped as
 * in {@code infra/template.yaml}.
 */
class CatalogTablesIT {

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
        writeTable = CatalogTables.writeTable(dynamo);
        catalog = new DynamoDbCatalogRepository(dynamo, writeTable);
        readModel = new DynamoDbCatalogReadModel(dynamo, CatalogTables.readTable(dynamo));
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
    void all_lists_every_category_and_product_and_skips_other_items() {
        catalog.add(COFFEE, ORIGIN);
        catalog.add(product("prod-a", "A"), ORIGIN);
        dynamo.putItem(r -> r.tableName(writeTable).item(Map.of("pk", AttributeValue.fromS("audit#1"))));

        try (var entries = catalog.all()) {
            assertThat(entries.map(CatalogEntry::version).toList()).hasSize(2);
        }
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
}
