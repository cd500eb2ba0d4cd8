package com.example.shop.catalog.domain;

/**
 * Rebuilds the read model from the write model: every category and product is projected again,
 * with the same projector the stream feeds, so the result is what the stream would have built.
 *
 * <p>Safe over a live read model: views already up to date are left alone by the version
 * conditions, and views that missed a change catch up. To start from nothing, point the functions
 * at an empty read table and run it there.
 *
 * @param catalog   the write model, read whole
 * @param projector the projector the stream feeds
 */
public record RebuildReadModel(CatalogRepository catalog, CatalogProjector projector) {

    /** Projects every entry of the write model and counts what it saw and wrote. */
    public Report rebuild() {
        int[] counts = new int[4];
        try (var entries = catalog.all()) {
            entries.forEach(entry -> {
                CatalogProjector.Projected projected = switch (entry) {
                    case Category category -> {
                        counts[0]++;
                        yield projector.project(category);
                    }
                    case Product product -> {
                        counts[1]++;
                        yield projector.project(product);
                    }
                };
                counts[2] += projected.productViews();
                counts[3] += projected.categoryNames();
            });
        }
        return new Report(counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * What a rebuild saw and wrote.
     *
     * @param categories          categories read from the write model
     * @param products            products read from the write model
     * @param productViewsWritten views written or brought forward with a product's fields
     * @param categoryNamesWritten views whose category name was brought forward
     */
    public record Report(int categories, int products, int productViewsWritten, int categoryNamesWritten) {
    }
}
