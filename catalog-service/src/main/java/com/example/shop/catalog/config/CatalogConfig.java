package com.example.shop.catalog.config;

import java.util.Map;

/**
 * The catalog functions' settings, read once from the environment. Each function is given only
 * the tables it uses (the outbox publisher none, the queries only the read table), so each table
 * name is checked when the function first needs it, with a message naming the variable.
 *
 * @param catalogTable     the write model's table ({@code CATALOG_TABLE}), or null when not given
 * @param catalogReadTable the read model's table ({@code CATALOG_READ_TABLE}), or null when not given
 */
public record CatalogConfig(String catalogTable, String catalogReadTable) {

    /** The variable naming the write model's table. */
    public static final String CATALOG_TABLE = "CATALOG_TABLE";
    /** The variable naming the read model's table. */
    public static final String CATALOG_READ_TABLE = "CATALOG_READ_TABLE";

    public CatalogConfig {
        if (catalogTable != null && catalogTable.isBlank()) {
            throw new IllegalArgumentException(CATALOG_TABLE + " is set but blank");
        }
        if (catalogReadTable != null && catalogReadTable.isBlank()) {
            throw new IllegalArgumentException(CATALOG_READ_TABLE + " is set but blank");
        }
    }

    /** The configuration in a function's environment. */
    public static CatalogConfig from(Map<String, String> env) {
        return new CatalogConfig(env.get(CATALOG_TABLE), env.get(CATALOG_READ_TABLE));
    }

    /** The write model's table, failing when the function was not given one. */
    public String requireCatalogTable() {
        return require(catalogTable, CATALOG_TABLE);
    }

    /** The read model's table, failing when the function was not given one. */
    public String requireCatalogReadTable() {
        return require(catalogReadTable, CATALOG_READ_TABLE);
    }

    private static String require(String value, String variable) {
        if (value == null) {
            throw new IllegalStateException("Environment variable " + variable + " is not set; the function's "
                    + "template entry must define it");
        }
        return value;
    }
}
