package com.example.shop.order.config;

import com.example.shop.order.adapter.DynamoDbOrderRepository;
import com.example.shop.order.adapter.DynamoDbPriceBook;
import com.example.shop.order.adapter.DynamoDbPriceTable;
import com.example.shop.order.domain.CancelOrder;
import com.example.shop.order.domain.OrderRepository;
import com.example.shop.order.domain.PlaceOrder;
import com.example.shop.order.domain.PriceProjection;
import com.example.shop.order.domain.PriceTable;
import com.example.shop.order.domain.TrackOrder;
import com.example.shop.platform.FunctionWiring;
import com.example.shop.platform.ProcessedEvents;

import java.util.Map;

/**
 * The order service's object graph, built by hand from a function's environment at init (so a
 * SnapStart snapshot holds it ready): the orders, the price list kept from the catalog's
 * announcements, and the use cases over them. Everything lives in the one table
 * {@code ORDERS_TABLE} (orders, prices, processed-event markers), read when a function first asks
 * for something stored there: the outbox publisher only reads the table's stream and names none.
 *
 * @param function what every function is wired from (clients, codec, clock, ids, observability)
 */
public record OrderWiring(FunctionWiring function) {

    /** Wires a function of the order service from its environment (see {@code FunctionEnvironment.current()}). */
    public static OrderWiring from(Map<String, String> env) {
        return new OrderWiring(FunctionWiring.of("order", env));
    }

    private String ordersTable() {
        return function.required("ORDERS_TABLE");
    }

    public OrderRepository orders() {
        return new DynamoDbOrderRepository(function.dynamo(), ordersTable(), function.codec());
    }

    /** The prices orders are priced with. */
    public PriceTable prices() {
        return new DynamoDbPriceTable(function.dynamo(), ordersTable());
    }

    public PlaceOrder placeOrder() {
        return new PlaceOrder(orders(), prices(), function.ids(), function.clock());
    }

    public CancelOrder cancelOrder() {
        return new CancelOrder(orders(), function.ids(), function.clock());
    }

    public TrackOrder trackOrder() {
        return new TrackOrder(orders(), function.clock());
    }

    /** The price list kept from the catalog's announcements. */
    public PriceProjection priceProjection() {
        return new PriceProjection(new DynamoDbPriceBook(function.dynamo(), ordersTable()));
    }

    /** Which events the order service's consumers have handled, kept in the orders table. */
    public ProcessedEvents processedEvents() {
        return function.processedEvents(ordersTable());
    }

}
