package com.example.shop.catalog.domain;

/**
 * Builds the read model from the write model's changes: the "Q" side of the catalog's CQRS.
 *
 * <p>It never trusts delivery order or uniqueness. A product change writes the view only when it
 * is newer than what the view reflects; a category change reaches only the views that carry an
 * older version of the category. So a stream batch retried after a partial failure, two shards
 * delivering a product and its category's rename in either order, or a rebuild running over a
 * live read model all leave the same views behind.
 *
 * <p>A product's category name is read from the write model when its view is created (the
 * product entry holds only the category id). Should a rename land between that read and the
 * rename's own projection seeing the new view (the category index is eventually consistent), the
 * view keeps the old name until the category changes again or the read model is rebuilt.
 *
 * @param catalog   the write model, for a product's category
 * @param readModel the views it writes
 */
public record CatalogProjector(CatalogRepository catalog, CatalogReadModel readModel) {

    /** Applies one change of the write model. */
    public Projected project(CatalogChange change) {
        return switch (change) {
            case CatalogChange.CategoryChanged changed -> project(changed.after());
            case CatalogChange.ProductChanged changed -> project(changed.after());
        };
    }

    /** Brings the product's view up to this version of the product, if it is behind. */
    public Projected project(Product product) {
        Category category = catalog.category(product.categoryId()).orElseThrow(() -> new IllegalStateException(
                "product " + product.id() + " names category " + product.categoryId() + ", which does not exist"));
        return readModel.applyProduct(product, category)
                .map(stored -> {
                    // An existing view keeps its category fields; bring them forward if they lag.
                    boolean refreshed = stored.categoryVersion() < category.version()
                            && readModel.applyCategory(product.id(), category);
                    return new Projected(1, refreshed ? 1 : 0);
                })
                .orElseGet(Projected::nothing);
    }

    /** Brings the category's name into every view that carries an older version of it. */
    public Projected project(Category category) {
        int renamed = 0;
        for (ProductId productId : readModel.productsBehind(category)) {
            if (readModel.applyCategory(productId, category)) {
                renamed++;
            }
        }
        return new Projected(0, renamed);
    }

    /**
     * What one projection wrote.
     *
     * @param productViews  product views written with a product's fields
     * @param categoryNames views whose category name was brought forward
     */
    public record Projected(int productViews, int categoryNames) {

        /** Nothing was behind: the read model already reflected the change. */
        public static Projected nothing() {
            return new Projected(0, 0);
        }

        /** Whether anything was written. */
        public boolean changedAnything() {
            return productViews + categoryNames > 0;
        }
    }
}
