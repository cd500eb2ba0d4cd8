package com.example.shop.catalog.handler;

import com.example.shop.platform.FunctionEnvironment;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every handler wires itself, through its public constructor as Lambda calls it, from exactly the
 * variables {@code infra/template.yaml} gives its function (plus the template's globals), and
 * says which variable is missing when one is.
 */
class HandlerWiringTest {

    private static Map<String, String> env(String... variables) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "eu-west-1", "EVENT_BUS_NAME", "shop-events-test"));
        for (String variable : variables) {
            env.put(variable, variable.toLowerCase() + "-test");
        }
        return env;
    }

    private static Object wire(Map<String, String> env, Callable<Object> handler) throws Exception {
        return FunctionEnvironment.with(env, handler);
    }

    @Test
    void the_commands_need_only_the_write_table() throws Exception {
        Map<String, String> env = env("CATALOG_TABLE");

        assertThat(wire(env, CreateCategoryHandler::new)).isNotNull();
        assertThat(wire(env, RenameCategoryHandler::new)).isNotNull();
        assertThat(wire(env, CreateProductHandler::new)).isNotNull();
        assertThat(wire(env, ChangeProductPriceHandler::new)).isNotNull();
        assertThat(wire(env, DiscontinueProductHandler::new)).isNotNull();
    }

    @Test
    void the_queries_need_only_the_read_table() throws Exception {
        Map<String, String> env = env("CATALOG_READ_TABLE");

        assertThat(wire(env, GetProductHandler::new)).isNotNull();
        assertThat(wire(env, ListProductsHandler::new)).isNotNull();
    }

    @Test
    void the_projector_and_the_rebuild_need_both_tables_and_the_publisher_none() throws Exception {
        assertThat(wire(env("CATALOG_TABLE", "CATALOG_READ_TABLE"), ProjectCatalogHandler::new)).isNotNull();
        assertThat(wire(env("CATALOG_TABLE", "CATALOG_READ_TABLE"), RebuildCatalogReadModelHandler::new)).isNotNull();
        assertThat(wire(env(), PublishCatalogEventsHandler::new)).isNotNull();
    }

    @Test
    void a_missing_table_variable_is_named_at_init() {
        assertThatThrownBy(() -> wire(env("CATALOG_TABLE"), ProjectCatalogHandler::new))
                .hasMessageContaining("CATALOG_READ_TABLE");
        assertThatThrownBy(() -> wire(env(), CreateProductHandler::new)).hasMessageContaining("CATALOG_TABLE");
    }
}
