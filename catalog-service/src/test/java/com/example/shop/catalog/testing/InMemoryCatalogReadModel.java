package com.example.shop.catalog.testing;

import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.Category;
import com.example.shop.catalog.domain.CategoryId;
import com.example.shop.catalog.domain.Product;
import com.example.shop.catalog.domain.ProductId;
import com.example.shop.catalog.domain.ProductView;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The read model in memory, with the table's version conditions and the index's name order; it
 * passes the same {@code CatalogReadModelContract} as the DynamoDB adapter. Its cursors are the
 * base64url of the category and the last listed sort key; anything else, or another category's
 * cursor, is an invalid cursor.
 */
public final class InMemoryCatalogReadModel implements CatalogReadModel {

    private final Map<ProductId, ProductView> views = new LinkedHashMap<>();
    private int writes;

    /** Stores a view directly. */
    public synchronized InMemoryCatalogReadModel with(ProductView view) {
        views.put(view.productId(), view);
        return this;
    }

    @Override
    public synchronized Optional<ProductView> applyProduct(Product product, Category category) {
        ProductView stored = views.get(product.id());
        if (stored != null && stored.productVersion() >= product.version()) {
            return Optional.empty();
        }
        ProductView next = stored == null ? ProductView.of(product, category) : stored.withProduct(product);
        views.put(product.id(), next);
        writes++;
        return Optional.of(next);
    }

    @Override
    public synchronized boolean applyCategory(ProductId productId, Category category) {
        ProductView stored = views.get(productId);
        if (stored == null || stored.categoryVersion() >= category.version()) {
            return false;
        }
        views.put(productId, stored.withCategory(category));
        writes++;
        return true;
    }

    @Override
    public synchronized List<ProductId> productsBehind(Category category) {
        return views.values().stream()
                .filter(v -> v.categoryId().equals(category.id()) && v.categoryVersion() < category.version())
                .map(ProductView::productId).toList();
    }

    @Override
    public synchronized Optional<ProductView> product(ProductId id) {
        return Optional.ofNullable(views.get(id));
    }

    @Override
    public synchronized Listing listed(CategoryId categoryId, int limit, Optional<String> cursor) {
        String after = "";
        String prefix = categoryId.value() + "\n";
        if (cursor.isPresent()) {
            String decoded;
            try {
                decoded = new String(Base64.getUrlDecoder().decode(cursor.get()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new InvalidCursor("the cursor is not one this API handed out");
            }
            if (!decoded.startsWith(prefix) || !decoded.contains("#")) {
                return new InvalidCursor("the cursor is not one this API handed out for this category");
            }
            after = decoded.substring(prefix.length());
        }
        String from = after;
        List<ProductView> listedAfterCursor = views.values().stream()
                .filter(v -> v.categoryId().equals(categoryId) && v.isListed())
                .sorted(Comparator.comparing(InMemoryCatalogReadModel::sortKey))
                .filter(v -> sortKey(v).compareTo(from) > 0)
                .toList();
        List<ProductView> page = listedAfterCursor.subList(0, Math.min(limit, listedAfterCursor.size()));
        boolean more = listedAfterCursor.size() > limit;
        return new Page(page, more ? Optional.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString((prefix + sortKey(page.getLast())).getBytes(StandardCharsets.UTF_8))) : Optional.empty());
    }

    /** Every view, by product id. */
    public synchronized Map<ProductId, ProductView> views() {
        return Map.copyOf(views);
    }

    /** How many writes changed a view. */
    public synchronized int writes() {
        return writes;
    }

    private static String sortKey(ProductView view) {
        return view.name().toLowerCase(Locale.ROOT) + "#" + view.productId().value();
    }
}
