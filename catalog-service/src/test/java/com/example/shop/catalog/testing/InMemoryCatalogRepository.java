package com.example.shop.catalog.testing;

import com.example.shop.catalog.domain.CatalogEntry;
import com.example.shop.catalog.domain.CatalogRepository;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.ChangeOrigin;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The write model in memory, with the same conditions as the table (it passes the same
 * {@code CatalogRepositoryContract} as the DynamoDB adapter): a new entry needs a free id,
 * a changed one the version before it. Every accepted write is kept in order, with its origin.
 */
public final class InMemoryCatalogRepository implements CatalogRepository {

    /** One accepted write. */
    public record Write(CatalogEntry entry, ChangeOrigin origin) {
    }

    private final Map<CategoryId, Category> categories = new LinkedHashMap<>();
    private final Map<ProductId, Product> products = new LinkedHashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private Runnable beforeNextReplace = () -> { };

    /** Stores a category directly, as if written long ago. */
    public InMemoryCatalogRepository with(Category category) {
        categories.put(category.id(), category);
        return this;
    }

    /** Stores a product directly, as if written long ago. */
    public InMemoryCatalogRepository with(Product product) {
        products.put(product.id(), product);
        return this;
    }

    /** Runs {@code change} between the next command's read and its write (a concurrent writer). */
    public InMemoryCatalogRepository beforeNextReplace(Runnable change) {
        this.beforeNextReplace = change;
        return this;
    }

    @Override
    public synchronized Optional<Category> category(CategoryId id) {
        return Optional.ofNullable(categories.get(id));
    }

    @Override
    public synchronized Optional<Product> product(ProductId id) {
        return Optional.ofNullable(products.get(id));
    }

    @Override
    public synchronized void add(Category category, ChangeOrigin origin) {
        if (categories.putIfAbsent(category.id(), category) != null) {
            throw new IllegalStateException("category " + category.id() + " already exists");
        }
        writes.add(new Write(category, origin));
    }

    @Override
    public synchronized void add(Product product, ChangeOrigin origin) {
        if (products.putIfAbsent(product.id(), product) != null) {
            throw new IllegalStateException("product " + product.id() + " already exists");
        }
        writes.add(new Write(product, origin));
    }

    @Override
    public synchronized boolean replace(Category next, ChangeOrigin origin) {
        runConcurrentChange();
        Category stored = categories.get(next.id());
        if (stored == null || stored.version() != next.version() - 1) {
            return false;
        }
        categories.put(next.id(), next);
        writes.add(new Write(next, origin));
        return true;
    }

    @Override
    public synchronized boolean replace(Product next, ChangeOrigin origin) {
        runConcurrentChange();
        Product stored = products.get(next.id());
        if (stored == null || stored.version() != next.version() - 1) {
            return false;
        }
        products.put(next.id(), next);
        writes.add(new Write(next, origin));
        return true;
    }

    @Override
    public synchronized Stream<CatalogEntry> all() {
        List<CatalogEntry> all = new ArrayList<>(products.values());
        all.addAll(categories.values());
        return all.stream();
    }

    /** Every accepted write, in order. */
    public synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    /** Overwrites a category without conditions (a writer the test controls). */
    public synchronized void force(Category category) {
        categories.put(category.id(), category);
    }

    /** Overwrites a product without conditions (a writer the test controls). */
    public synchronized void force(Product product) {
        products.put(product.id(), product);
    }

    private void runConcurrentChange() {
        Runnable change = beforeNextReplace;
        beforeNextReplace = () -> { };
        change.run();
    }
}
