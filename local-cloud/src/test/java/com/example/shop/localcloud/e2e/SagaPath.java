package com.example.shop.localcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ways one order can go through the saga, each driven from its HTTP request to its last
 * effect, in a form that waits without costing the system a request (the stored order, read from
 * its table; the payment record), so that what is counted while it runs is the order's own cost.
 */
enum SagaPath {

    /** Reserved, paid, shipped. */
    SHIPPED("shipped") {
        @Override
        void drive(Shop shop, Order order) {
            shop.awaitStored(order.place("pm-card-visa", 1), "SHIPPED", "ShipmentScheduled");
        }
    },
    /** More ordered than in stock: rejected, nothing charged. */
    STOCK_UNAVAILABLE("stock-unavailable") {
        @Override
        int stock() {
            return 1;
        }

        @Override
        void drive(Shop shop, Order order) {
            shop.awaitStored(order.place("pm-card-visa", 3), "REJECTED", "StockUnavailable");
        }
    },
    /** The card is declined: the reservation is released. */
    PAYMENT_DECLINED("payment-declined") {
        @Override
        void drive(Shop shop, Order order) {
            shop.awaitStored(order.place("pm-decline-insufficient-funds", 1), "PAYMENT_FAILED", "PaymentDeclined",
                    "StockReleased");
        }
    },
    /** The charge fails every attempt its queue allows; from the DLQ the saga compensates. */
    PAYMENT_FAILED_FOR_GOOD("payment-failed-for-good") {
        @Override
        void drive(Shop shop, Order order) {
            shop.awaitStored(order.place("pm-transient-error", 1), "PAYMENT_FAILED", "PaymentFailed", "StockReleased");
        }
    },
    /** The customer cancels between the reservation and the charge (the charge held back until then). */
    CANCELLED("cancelled") {
        @Override
        void drive(Shop shop, Order order) {
            shop.cloud.runtime().pause("ChargePaymentFunction");
            try {
                String orderId = order.place("pm-card-visa", 1);
                shop.awaitStored(orderId, "RESERVED", "StockReserved");
                assertThat(shop.api.cancel(order.customer(), orderId).status()).isEqualTo(202);
                Await.until("payment notes the cancel before the charge", () -> shop.payment(orderId),
                        payment -> payment.isPresent() && "CANCELLED".equals(payment.get().get("state").s()));
            } finally {
                shop.cloud.runtime().resume("ChargePaymentFunction");
            }
            shop.awaitStored(order.id(), "CANCELLED", "OrderCancelled", "StockReleased");
        }
    },
    /** No carrier takes the parcel: the payment is refunded and the stock released. */
    SHIPMENT_FAILED("shipment-failed") {
        @Override
        void drive(Shop shop, Order order) {
            shop.awaitStored(order.place("pm-card-visa", 1, "AQ"), "SHIPMENT_FAILED", "ShipmentFailed",
                    "PaymentRefunded", "StockReleased");
        }
    };

    private final String label;

    SagaPath(String label) {
        this.label = label;
    }

    /** The path's name in the budget and the report, e.g. {@code stock-unavailable}. */
    String label() {
        return label;
    }

    /** Units in stock of the path's product before the order. */
    int stock() {
        return 5;
    }

    /** Places the order and waits until the saga has reached the path's end. */
    abstract void drive(Shop shop, Order order);

    /** One order of one customer for one product, made before counting starts. */
    static final class Order {
        private final Shop shop;
        private final String product;
        private final String customer;
        private String id;

        Order(Shop shop, String product, String customer) {
            this.shop = shop;
            this.product = product;
            this.customer = customer;
        }

        String customer() {
            return customer;
        }

        String id() {
            return id;
        }

        String place(String paymentMethod, int quantity) {
            return placed(shop.placeOrder(customer, paymentMethod, product, quantity));
        }

        String place(String paymentMethod, int quantity, String countryCode) {
            return placed(shop.placeOrder(customer, paymentMethod, product, quantity, countryCode));
        }

        private String placed(String orderId) {
            this.id = orderId;
            return orderId;
        }
    }
}
