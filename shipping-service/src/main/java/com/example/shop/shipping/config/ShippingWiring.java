package com.example.shop.shipping.config;

import com.example.shop.platform.FunctionWiring;
import com.example.shop.platform.ProcessedEvents;
import com.example.shop.shipping.adapter.DynamoDbShipmentRepository;
import com.example.shop.shipping.adapter.SimulatedCarrierBookings;
import com.example.shop.shipping.domain.CancelShipment;
import com.example.shop.shipping.domain.CarrierBookings;
import com.example.shop.shipping.domain.ScheduleShipment;
import com.example.shop.shipping.domain.ShipmentRepository;

import java.util.Map;

/**
 * The shipping service's object graph, built by hand from a function's environment when the
 * function initialises (so SnapStart snapshots the built clients), on the shop's
 * {@link FunctionWiring}. The handler's public constructor calls {@link #from(Map)} and takes
 * what it needs; a client is built once, on first use.
 */
public final class ShippingWiring {

    /** The service name on every log line and metric, unless the function's template names another. */
    static final String SERVICE_NAME = "shipping";

    private final FunctionWiring function;
    private final ShippingConfig config;
    private final CarrierBookings carriers;

    private ShippingWiring(Map<String, String> env) {
        this.function = FunctionWiring.of(SERVICE_NAME, env);
        this.config = ShippingConfig.from(env);
        // One simulator per execution environment: its memory of bookings stands in for the carriers'.
        this.carriers = new SimulatedCarrierBookings(function.ids(), function.clock());
    }

    /** Wires the service from a function's environment (see {@code FunctionEnvironment.current()}). */
    public static ShippingWiring from(Map<String, String> env) {
        return new ShippingWiring(env);
    }

    public ScheduleShipment scheduleShipment() {
        return new ScheduleShipment(shipments(), carriers, function.ids(), function.clock());
    }

    public CancelShipment cancelShipment() {
        return new CancelShipment(shipments(), carriers, function.clock());
    }

    /** Which events the consumer has handled, kept in the shipments table. */
    public ProcessedEvents processedEvents() {
        return function.processedEvents(config.shipmentsTable());
    }

    /** What every function is wired from: the codec, the event bus, observability, the clock and ids. */
    public FunctionWiring function() {
        return function;
    }

    private ShipmentRepository shipments() {
        return new DynamoDbShipmentRepository(function.dynamo(), config.shipmentsTable());
    }
}
