package com.example.shop.catalog.config;

import com.example.shop.catalog.adapter.DynamoDbCatalogReadModel;
import com.example.shop.catalog.adapter.DynamoDbCatalogRepository;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.CatalogProjector;
import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.CatalogRepository;
import com.example.shop.catalog.domain.RebuildReadModel;
import com.example.shop.platform.FunctionWiring;

import java.util.Map;

/**
 * The catalog service's object graph, built by hand from a function's environment when the
 * function initialises (so SnapStart snapshots the built clients), on the shop's
 * {@link FunctionWiring}.
 *
 * <p>Each client is built once, on first use, so a function builds only what it uses: the
 * commands and queries never build an EventBridge client, the outbox publisher never a DynamoDB
 * one. Time and ids are read on every use, never captured at init.
 */
public final class CatalogWiring {

    /** The service name on every log line and metric, unless the function's template names another. */
    static final String SERVICE_NAME = "catalog";

    private final FunctionWiring function;
    private final CatalogConfig config;

    private CatalogWiring(Map<String, String> env) {
        this.function = FunctionWiring.of(SERVICE_NAME, env);
        this.config = CatalogConfig.from(env);
    }

    /** Wires the service from a function's environment (see {@code FunctionEnvironment.current()}). */
    public static CatalogWiring from(Map<String, String> env) {
        return new CatalogWiring(env);
    }

    /** The staff commands on the write model. */
    public CatalogAdministration administration() {
        return new CatalogAdministration(catalog(), function.ids(), function.clock());
    }

    /** The read model, for the query functions. */
    public CatalogReadModel readModel() {
        return new DynamoDbCatalogReadModel(function.dynamo(), config.requireCatalogReadTable());
    }

    /** The projector from the write model's stream into the read model. */
    public CatalogProjector projector() {
        return new CatalogProjector(catalog(), readModel());
    }

    /** The rebuild of the whole read model from the write model. */
    public RebuildReadModel rebuild() {
        return new RebuildReadModel(catalog(), projector());
    }

    private CatalogRepository catalog() {
        return new DynamoDbCatalogRepository(function.dynamo(), config.requireCatalogTable());
    }

    /** What every function is wired from: codec, clock, ids, observability, event bus, SDK clients. */
    public FunctionWiring function() {
        return function;
    }
}
