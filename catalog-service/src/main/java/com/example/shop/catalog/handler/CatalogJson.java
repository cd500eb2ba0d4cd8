package com.example.shop.catalog.handler;

import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductView;
import com.example.shop.events.Money;

import java.util.List;

/** The JSON bodies of the catalog's HTTP answers. */
final class CatalogJson {

    private CatalogJson() {
    }

    /** A category as its commands answer it. */
    record CategoryJson(String categoryId, String name, long version) {
        static CategoryJson of(Category category) {
            return new CategoryJson(category.id().value(), category.name(), category.version());
        }
    }

    /** The answer to introducing a product: where it will be readable. */
    record CreatedProductJson(String productId) {
    }

    /** A product as its commands answer it: the write model's state, before the read model catches up. */
    record ProductStateJson(String productId, String name, String categoryId, Money price, String status, long version) {
        static ProductStateJson of(Product product) {
            return new ProductStateJson(product.id().value(), product.name(), product.categoryId().value(),
                    product.price(), product.status().name(), product.version());
        }
    }

    /** A product as shoppers read it. */
    record ProductJson(String productId, String name, String description, String categoryId, String categoryName,
                       Money price, String status) {
        static ProductJson of(ProductView view) {
            return new ProductJson(view.productId().value(), view.name(), view.description(),
                    view.categoryId().value(), view.categoryName(), view.price(), view.status().name());
        }
    }

    /** A page of a category listing; {@code nextCursor} is null after the last page. */
    record ListingJson(List<ProductJson> items, String nextCursor) {
    }
}
