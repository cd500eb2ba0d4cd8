package com.example.shop.catalog.domain;

import com.example.shop.events.Money;

/**
 * A product as shoppers read it: denormalised, with its category's name copied in, so a product
 * page or a category listing is one read of the read model and never a join.
 *
 * <p>The two versions say which change of the product and of its category the view reflects; the
 * projector only ever moves each of them forward, which is what makes it safe to apply a change
 * twice or late.
 *
 * @param productId       the product
 * @param name            its name
 * @param description     its description
 * @param categoryId      its category
 * @param categoryName    the category's name at {@code categoryVersion}
 * @param price           its list price
 * @param status          whether it is for sale
 * @param productVersion  the product version this view reflects
 * @param categoryVersion the category version {@code categoryName} comes from
 */
public record ProductView(ProductId productId, String name, String description, CategoryId categoryId,
                          String categoryName, Money price, ProductStatus status, long productVersion,
                          long categoryVersion) {

    public ProductView {
        if (productId == null || name == null || description == null || categoryId == null || categoryName == null
                || price == null || status == null) {
            throw new IllegalArgumentException("a product view has every field");
        }
    }

    /** The view of a product in its category, as both are now. */
    public static ProductView of(Product product, Category category) {
        if (!product.categoryId().equals(category.id())) {
            throw new IllegalArgumentException("product " + product.id() + " is not in category " + category.id());
        }
        return new ProductView(product.id(), product.name(), product.description(), product.categoryId(),
                category.name(), product.price(), product.status(), product.version(), category.version());
    }

    /** This view with the product's fields taken from {@code product}; the category fields stay. */
    public ProductView withProduct(Product product) {
        return new ProductView(productId, product.name(), product.description(), categoryId, categoryName,
                product.price(), product.status(), product.version(), categoryVersion);
    }

    /** This view with the category's name and version taken from {@code category}. */
    public ProductView withCategory(Category category) {
        return new ProductView(productId, name, description, categoryId, category.name(), price, status,
                productVersion, category.version());
    }

    /** Whether shoppers see the product in its category's listing. */
    public boolean isListed() {
        return status == ProductStatus.ACTIVE;
    }
}
