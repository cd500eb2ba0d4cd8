package com.example.shop.catalog.handler;

import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.platform.testing.SchemaAgreement;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.example.shop.catalog.CatalogFixtures.COFFEE;
import static com.example.shop.catalog.CatalogFixtures.COFFEE_ID;
import static com.example.shop.catalog.CatalogFixtures.euros;
import static com.example.shop.platform.testing.HostileInputs.textBoundaries;
import static com.example.shop.platform.testing.SchemaAgreement.constructs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's request schemas and its domain say the same about every boundary case of every
 * text and id they both check, so a body the schema accepts never fails in a constructor (a 500).
 */
class RequestSchemaAgreementTest {

    private static final ProductId PRODUCT = new ProductId("prod-1");

    @Test
    void a_category_name_is_the_same_line_to_the_create_schema_and_to_category() {
        assertThat(SchemaAgreement.of("schemas/create-category-request.schema.json", "{\"name\":\"Tea\"}")
                .textDisagreements("/name", textBoundaries(1, Category.MAX_NAME_LENGTH),
                        name -> constructs(() -> Category.create(COFFEE_ID, name)))).isEmpty();
    }

    @Test
    void a_new_category_name_is_the_same_line_to_the_rename_schema_and_to_a_renamed_category() {
        assertThat(SchemaAgreement.of("schemas/rename-category-request.schema.json", "{\"name\":\"Tee\"}")
                .textDisagreements("/name", textBoundaries(1, Category.MAX_NAME_LENGTH),
                        name -> constructs(() -> COFFEE.renamed(name)))).isEmpty();
    }

    @Test
    void a_product_name_and_description_are_the_same_texts_to_the_schema_and_to_product() {
        SchemaAgreement agreement = SchemaAgreement.of("schemas/create-product-request.schema.json",
                "{\"name\":\"Moka pot\",\"description\":\"Three cups\",\"categoryId\":\"cat-coffee\","
                        + "\"price\":{\"amountMinor\":3490,\"currency\":\"EUR\"}}");

        assertThat(agreement.textDisagreements("/name", textBoundaries(1, Product.MAX_NAME_LENGTH),
                name -> constructs(() -> Product.introduce(PRODUCT, name, "", COFFEE_ID, euros(100))))).isEmpty();
        assertThat(agreement.textDisagreements("/description", textBoundaries(0, Product.MAX_DESCRIPTION_LENGTH),
                text -> constructs(() -> Product.introduce(PRODUCT, "Moka pot", text, COFFEE_ID, euros(100)))))
                .isEmpty();
    }

    @Test
    void a_category_id_is_the_same_id_to_the_product_schema_and_to_category_id() {
        List<String> ids = new ArrayList<>(textBoundaries(1, 128));
        ids.addAll(List.of("cat-coffee", "a", "a".repeat(128), "a".repeat(129), ".a", "-a", "a.b:c-d_e", "a/b", "a#b",
                "ä", "a b"));

        assertThat(SchemaAgreement.of("schemas/create-product-request.schema.json",
                "{\"name\":\"Moka pot\",\"categoryId\":\"cat-coffee\",\"price\":{\"amountMinor\":3490,\"currency\":\"EUR\"}}")
                .textDisagreements("/categoryId", ids, id -> constructs(() -> new CategoryId(id)))).isEmpty();
    }
}
