package com.example.shop.catalog.domain;

import com.example.shop.events.Money;
import com.example.shop.events.Texts;

/**
 * A product of the catalog: what it is called and described as, the category it belongs to
 * (referred to by id only: the write model is normalised), its list price and whether it is for
 * sale.
 *
 * <p>The rules of a product's life live here: a new product is active; a price change keeps the
 * currency and needs an active product; discontinuing is final. Every change returns the product
 * one version on, which is what the table's conditional write checks.
 *
 * @param id          the product's id
 * @param name        its display name, a {@link Texts line} of at most {@value #MAX_NAME_LENGTH} code points
 * @param description its description, a {@link Texts paragraph} (possibly empty) of at most
 *                    {@value #MAX_DESCRIPTION_LENGTH} code points
 * @param categoryId  the category it belongs to, fixed for the product's life
 * @param price       its list price
 * @param status      whether it is for sale
 * @param version     1 when created, one more with every change
 */
public record Product(ProductId id, String name, String description, CategoryId categoryId, Money price,
                      ProductStatus status, long version) implements CatalogEntry {

    /** The longest name a product may have. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The longest description a product may have. */
    public static final int MAX_DESCRIPTION_LENGTH = 2000;

    public Product {
        if (id == null || categoryId == null || price == null || status == null) {
            throw new IllegalArgumentException("id, categoryId, price and status must not be null");
        }
        Names.require(name, MAX_NAME_LENGTH, "name");
        Texts.requireParagraph(description, MAX_DESCRIPTION_LENGTH, "description");
        Names.version(version);
    }

    /** A new product, for sale, at version 1. */
    public static Product introduce(ProductId id, String name, String description, CategoryId categoryId, Money price) {
        return new Product(id, name, description, categoryId, price, ProductStatus.ACTIVE, 1);
    }

    /** Whether the product is for sale. */
    public boolean isActive() {
        return status == ProductStatus.ACTIVE;
    }

    /** Whether {@code newPrice} may replace the current price: the currency of a product never changes. */
    public boolean acceptsCurrencyOf(Money newPrice) {
        return price.currency().equals(newPrice.currency());
    }

    /** The product at a new price, one version on. */
    public Product repriced(Money newPrice) {
        if (!isActive()) {
            throw new IllegalStateException("product " + id + " is discontinued and cannot be repriced");
        }
        if (!acceptsCurrencyOf(newPrice)) {
            throw new IllegalArgumentException("product " + id + " is priced in " + price.currency()
                    + ", not " + newPrice.currency());
        }
        return new Product(id, name, description, categoryId, newPrice, status, version + 1);
    }

    /** The product withdrawn from sale, one version on. */
    public Product discontinued() {
        if (!isActive()) {
            throw new IllegalStateException("product " + id + " is already discontinued");
        }
        return new Product(id, name, description, categoryId, price, ProductStatus.DISCONTINUED, version + 1);
    }
}
