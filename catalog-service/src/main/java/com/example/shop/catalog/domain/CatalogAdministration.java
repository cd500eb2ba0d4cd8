package com.example.shop.catalog.domain;

import com.example.shop.events.IdGenerator;
import com.example.shop.events.Money;

import java.time.Clock;

/**
 * The catalog's commands, as staff issue them: create and rename categories, introduce products,
 * change their price and discontinue them.
 *
 * <p>Each command reads what it needs and makes one conditional write (a new entry, or the entry
 * one version on). Nothing is published here: the table's stream is the outbox, so a command that
 * fails after its write cannot lose or duplicate an event. Expected refusals are outcome values; a
 * change that lost the race against another one is {@link ConcurrentChange}, to be retried by the
 * caller with fresh eyes.
 *
 * @param catalog the write model
 * @param ids     fresh ids for new categories and products
 * @param clock   the time of each change
 */
public record CatalogAdministration(CatalogRepository catalog, IdGenerator ids, Clock clock) {

    /** Creates a category. */
    public Category createCategory(String name, RequestTrace trace) {
        Category category = Category.create(new CategoryId("cat-" + ids.newId()), name);
        catalog.add(category, origin(trace));
        return category;
    }

    /** Renames a category; every product view of the category follows through the projector. */
    public RenameOutcome renameCategory(CategoryId id, String newName, RequestTrace trace) {
        Category current = catalog.category(id).orElse(null);
        if (current == null) {
            return new NoSuchCategory(id);
        }
        Category renamed = current.renamed(newName);
        return catalog.replace(renamed, origin(trace)) ? new CategorySaved(renamed) : new ConcurrentChange();
    }

    /** Introduces a product into an existing category. */
    public IntroduceOutcome introduceProduct(NewProduct request, RequestTrace trace) {
        // Categories are never deleted, so a category read now still exists when the product is written.
        if (catalog.category(request.categoryId()).isEmpty()) {
            return new NoSuchCategory(request.categoryId());
        }
        Product product = Product.introduce(new ProductId("prod-" + ids.newId()), request.name(),
                request.description(), request.categoryId(), request.price());
        catalog.add(product, origin(trace));
        return new ProductSaved(product);
    }

    /** Changes a product's list price, in the currency it already has. */
    public PriceChangeOutcome changePrice(ProductId id, Money newPrice, RequestTrace trace) {
        Product current = catalog.product(id).orElse(null);
        if (current == null) {
            return new NoSuchProduct(id);
        }
        if (!current.isActive()) {
            return new NotForSale(current);
        }
        if (!current.acceptsCurrencyOf(newPrice)) {
            return new CurrencyMismatch(current.price(), newPrice);
        }
        if (current.price().equals(newPrice)) {
            return new Unchanged(current);
        }
        Product repriced = current.repriced(newPrice);
        return catalog.replace(repriced, origin(trace)) ? new ProductSaved(repriced) : new ConcurrentChange();
    }

    /** Withdraws a product from sale; discontinuing twice is harmless. */
    public DiscontinueOutcome discontinue(ProductId id, RequestTrace trace) {
        Product current = catalog.product(id).orElse(null);
        if (current == null) {
            return new NoSuchProduct(id);
        }
        if (!current.isActive()) {
            return new Unchanged(current);
        }
        Product discontinued = current.discontinued();
        return catalog.replace(discontinued, origin(trace)) ? new ProductSaved(discontinued) : new ConcurrentChange();
    }

    private ChangeOrigin origin(RequestTrace trace) {
        return ChangeOrigin.of(trace, clock.instant());
    }

    /**
     * What staff ask for when introducing a product.
     *
     * @param name        display name
     * @param description description, possibly empty
     * @param categoryId  the category it goes into
     * @param price       list price
     */
    public record NewProduct(String name, String description, CategoryId categoryId, Money price) {
    }

    /** The outcome of renaming a category. */
    public sealed interface RenameOutcome permits CategorySaved, NoSuchCategory, ConcurrentChange {
    }

    /** The outcome of introducing a product. */
    public sealed interface IntroduceOutcome permits ProductSaved, NoSuchCategory {
    }

    /** The outcome of a price change. */
    public sealed interface PriceChangeOutcome
            permits ProductSaved, Unchanged, NoSuchProduct, NotForSale, CurrencyMismatch, ConcurrentChange {
    }

    /** The outcome of discontinuing a product. */
    public sealed interface DiscontinueOutcome permits ProductSaved, Unchanged, NoSuchProduct, ConcurrentChange {
    }

    /** The category was written at its new version. */
    public record CategorySaved(Category category) implements RenameOutcome {
    }

    /** The product was written at its new version. */
    public record ProductSaved(Product product) implements IntroduceOutcome, PriceChangeOutcome, DiscontinueOutcome {
    }

    /** The product already was as asked (same price, already discontinued): nothing was written. */
    public record Unchanged(Product product) implements PriceChangeOutcome, DiscontinueOutcome {
    }

    /** No category has this id. */
    public record NoSuchCategory(CategoryId id) implements RenameOutcome, IntroduceOutcome {
    }

    /** No product has this id. */
    public record NoSuchProduct(ProductId id) implements PriceChangeOutcome, DiscontinueOutcome {
    }

    /** The product is discontinued, so it has no price to change. */
    public record NotForSale(Product product) implements PriceChangeOutcome {
    }

    /** The new price is in another currency than the product's. */
    public record CurrencyMismatch(Money current, Money requested) implements PriceChangeOutcome {
    }

    /** Another change of the same entry was written between this command's read and its write. */
    public record ConcurrentChange() implements RenameOutcome, PriceChangeOutcome, DiscontinueOutcome {
    }
}
