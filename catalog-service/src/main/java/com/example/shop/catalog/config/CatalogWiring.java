package com.example.shop.catalog.config;

import com.example.shop.catalog.adapter.DynamoDbCatalogReadModel;
import com.example.shop.catalog.adapter.DynamoDbCatalogRepository;
import com.example.shop.catalog.domain.CatalogAdministration;
import com.example.shop.catalog.domain.CatalogProjector;
import com.example.shop.catalog.domain.CatalogReadModel;
import com.example.shop.catalog.domain.CatalogRepository;
import com.example.shop.catalog.domain.EventIds;
import com.example.shop.catalog.domain.IdGenerator;
import com.example.shop.catalog.domain.ProductAnnouncements;
import com.example.shop.catalog.domain.RebuildReadModel;
import com.example.shop.events.EventPublisher;
import com.example.shop.events.codec.EventCodec;
import com.example.shop.platform.AwsClients;
import com.example.shop.platform.DerivedIds;
import com.example.shop.platform.EventBusWiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The catalog service's object graph, built by hand from a function's environment when the
 * function initialises (so SnapStart snapshots the built clients).
 *
 * <p>Each client is built once, on first use, so a function builds only what it uses: the
 * commands and queries never build an EventBridge client, the outbox publisher never a DynamoDB
 * one. Time and ids are read on every use, never captured at init.
 */
public final class CatalogWiring {

    private static final EventIds DERIVED_IDS = DerivedIds::from;

    private final Map<String, String> env;
    private final CatalogConfig config;
    private final AwsClients clients;
    private final Clock clock = Clock.systemUTC();
    private final IdGenerator ids = () -> UUID.randomUUID().toString();
    private DynamoDbClient dynamo;

    private CatalogWiring(Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.config = CatalogConfig.from(env);
        this.clients = new AwsClients(env);
    }

    /** Wires the service from a function's environment (see {@code FunctionEnvironment.current()}). */
    public static CatalogWiring from(Map<String, String> env) {
        return new CatalogWiring(env);
    }

    /** The staff commands on the write model. */
    public CatalogAdministration administration() {
        return new CatalogAdministration(catalog(), ids, clock);
    }

    /** The read model, for the query functions. */
    public CatalogReadModel readModel() {
        return new DynamoDbCatalogReadModel(dynamo(), config.requireCatalogReadTable());
    }

    /** The projector from the write model's stream into the read model. */
    public CatalogProjector projector() {
        return new CatalogProjector(catalog(), readModel());
    }

    /** The rebuild of the whole read model from the write model. */
    public RebuildReadModel rebuild() {
        return new RebuildReadModel(catalog(), projector());
    }

    /** What each product change announces, with ids derived from the change. */
    public ProductAnnouncements announcements() {
        return new ProductAnnouncements(DERIVED_IDS);
    }

    /** The shop's event bus. */
    public EventPublisher eventBus() {
        return EventBusWiring.publisher(clients, env, new EventCodec());
    }

    private CatalogRepository catalog() {
        return new DynamoDbCatalogRepository(dynamo(), config.requireCatalogTable());
    }

    private synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = clients.build(DynamoDbClient.builder());
        }
        return dynamo;
    }
}
