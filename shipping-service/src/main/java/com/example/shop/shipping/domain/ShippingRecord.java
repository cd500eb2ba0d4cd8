package com.example.shop.shipping.domain;

/**
 * What shipping has recorded under one order, in one of the states of {@link ShipmentState}; each
 * state is its own record, and the only move between them ({@link Shipment#cancelled}) exists
 * only on the state it may start from.
 */
public sealed interface ShippingRecord permits Shipment, FailedShipment, CancelledShipment, CancelMarker {

    /** The order; one record per order. */
    String orderId();

    /** The customer who placed it. */
    String customerId();

    /** The state reached, which is also the condition of the next write. */
    default ShipmentState state() {
        return switch (this) {
            case Shipment _ -> ShipmentState.SCHEDULED;
            case FailedShipment _ -> ShipmentState.FAILED;
            case CancelledShipment _ -> ShipmentState.CANCELLED;
            case CancelMarker _ -> ShipmentState.CANCEL_MARKER;
        };
    }
}
