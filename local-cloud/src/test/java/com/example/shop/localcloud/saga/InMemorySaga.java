package com.example.shop.localcloud.saga;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.Money;
import com.example.shop.events.OrderCancelled;
import com.example.shop.events.OrderPlaced;
import com.example.shop.events.PaymentCharged;
import com.example.shop.events.PaymentDeclined;
import com.example.shop.events.PaymentFailed;
import com.example.shop.events.PaymentRefunded;
import com.example.shop.events.ShipmentScheduled;
import com.example.shop.events.ShipmentCancelled;
import com.example.shop.events.ShipmentFailed;
import com.example.shop.events.ShippingAddress;
import com.example.shop.events.StockReleased;
import com.example.shop.events.StockReserved;
import com.example.shop.events.StockUnavailable;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.inventory.domain.ReleaseStock;
import com.example.shop.inventory.domain.ReserveStock;
import com.example.shop.inventory.domain.StockAdministration;
import com.example.shop.inventory.domain.StockLevel;
import com.example.shop.localcloud.contract.ShopBusRouting;
import com.example.shop.localcloud.saga.InMemoryBus.Queue;
import com.example.shop.order.domain.CancelOrder;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.OrderId;
import com.example.shop.order.domain.PlaceOrder;
import com.example.shop.order.domain.PlaceOrderCommand;
import com.example.shop.order.domain.TrackOrder;
import com.example.shop.payment.adapter.SimulatedPaymentGateway;
import com.example.shop.payment.domain.AbandonedCharge;
import com.example.shop.payment.domain.AlreadyRecorded;
import com.example.shop.payment.domain.ChargePayment;
import com.example.shop.payment.domain.GiveUpCharge;
import com.example.shop.payment.domain.GiveUpOutcome;
import com.example.shop.payment.domain.Payment;
import com.example.shop.payment.domain.RefundPayment;
import com.example.shop.inventory.testing.InMemoryStockItems;
import com.example.shop.inventory.testing.InMemoryStockLedger;
import com.example.shop.order.testing.InMemoryOrderRepository;
import com.example.shop.payment.testing.InMemoryPaymentRepository;
import com.example.shop.payment.testing.RecordingPaymentGateway;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.platform.testing.SequentialIds;
import com.example.shop.shipping.testing.InMemoryShipmentRepository;
import com.example.shop.shipping.testing.RecordingCarrierBookings;
import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import java.util.function.Function;
import com.example.shop.shipping.adapter.SimulatedCarrierBookings;
import com.example.shop.shipping.domain.CancelShipment;
import com.example.shop.shipping.domain.ScheduleShipment;
import com.example.shop.shipping.domain.Shipment;
import com.example.shop.shipping.domain.ShippingRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.example.shop.localcloud.saga.InMemoryBus.Queue.CANCEL_SHIPMENT;
import static com.example.shop.localcloud.saga.InMemoryBus.Queue.CHARGE_PAYMENT;
import static com.example.shop.localcloud.saga.InMemoryBus.Queue.ORDER_STATUS;
import static com.example.shop.localcloud.saga.InMemoryBus.Queue.REFUND_PAYMENT;
import static com.example.shop.localcloud.saga.InMemoryBus.Queue.RELEASE_STOCK;
import static com.example.shop.localcloud.saga.InMemoryBus.Queue.RESERVE_STOCK;
import static com.example.shop.localcloud.saga.InMemoryBus.Queue.SCHEDULE_SHIPMENT;

/**
 * The whole order saga in one JVM: the use cases of the order, inventory, payment and shipping
 * services wired to in-memory stores, one stepping clock, numbered ids, and an {@link InMemoryBus}
 * that routes every event by the EventBridge rules of infra/template.yaml themselves.
 *
 * <p>What each Lambda handler adds around its use case is played here in a line or two: the
 * order table's stream publishing the outbox, the handlers announcing outcomes under their
 * recorded ids in reply to the cause, and the payment DLQ handler giving up on a charge and
 * paging the operators. The rest is the services' own domain code, unchanged; the payment
 * provider is the shop's {@link SimulatedPaymentGateway}, which decides by payment method
 * ({@code pm-decline-<reason>}, {@code pm-transient-error}, otherwise approved), and the carriers
 * are the shop's {@link SimulatedCarrierBookings}, which refuse a destination none serves
 * ({@code AQ}, {@code KP}) and a parcel worth more than 5,000.
 *
 * <p>A story calls a verb ({@link #placeOrder}, {@link #cancel}) and the saga then runs until no
 * message is left, so the next line sees the settled outcome.
 */
final class InMemorySaga {

    /** ChargePaymentQueue's maxReceiveCount in the template (and every other consumer queue's). */
    static final int MAX_RECEIVE_COUNT = 5;

    /** When every story starts: a Monday morning, so delivery estimates are easy to follow. */
    static final Instant START = Instant.parse("2025-03-03T09:00:00Z");

    /**
     * The consumers the template's rules reach that play no part in the order saga: the customer
     * notifications, the catalog's followers, and the event journal.
     */
    private static final Set<String> OUTSIDE_THE_SAGA = Set.of("NotifyCustomerFunction", "UpdatePriceTableFunction",
            "CreateStockItemFunction", "ShopEventJournal");

    /** A customer as the verified token and the checkout form present them. */
    record Customer(String id, String email, ShippingAddress address) {
    }

    private final MutableClock clock = new MutableClock(START);
    private final SequentialIds orderIds = SequentialIds.series(1);
    private final SequentialIds requestIds = SequentialIds.series(2);
    private final SequentialIds paymentIds = SequentialIds.series(3);
    private final SequentialIds shipmentIds = SequentialIds.series(4);
    private final InMemoryBus bus;

    private final Map<String, Money> priceList = new HashMap<>();
    private final InMemoryOrderRepository orders;
    private final PlaceOrder placeOrder;
    private final CancelOrder cancelOrder;

    private final StockAdministration stockAdministration;
    private final InMemoryStockItems stockItems;

    private final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    private final RecordingPaymentGateway provider;
    private final ChargePayment chargePayment;
    private final RefundPayment refundPayment;
    private final GiveUpCharge giveUpCharge;
    private final List<AbandonedCharge> opsAlerts = new ArrayList<>();

    private final InMemoryShipmentRepository shipments = new InMemoryShipmentRepository();
    private final RecordingCarrierBookings carriers;

    private InMemorySaga(int copiesPerMessage) {
        bus = new InMemoryBus(ShopBusRouting.ofContractTemplate(), OUTSIDE_THE_SAGA, MAX_RECEIVE_COUNT,
                copiesPerMessage);

        orders = new InMemoryOrderRepository(bus);
        placeOrder = new PlaceOrder(orders, this::pricesOf, orderIds::newId, clock);
        cancelOrder = new CancelOrder(orders, orderIds::newId, clock);
        TrackOrder trackOrder = new TrackOrder(orders, clock);

        InMemoryStockLedger ledger = new InMemoryStockLedger();
        stockAdministration = new StockAdministration(ledger);
        stockItems = new InMemoryStockItems(ledger);
        ReserveStock reserveStock = new ReserveStock(ledger, clock);
        ReleaseStock releaseStock = new ReleaseStock(ledger, clock);

        // No latency, and a rate limit no story reaches: the clock stands still during a story.
        provider = new RecordingPaymentGateway(new SimulatedPaymentGateway(Duration.ZERO, 1_000, clock,
                duration -> { }, paymentIds::newId));
        chargePayment = new ChargePayment(payments, provider, clock);
        refundPayment = new RefundPayment(payments, provider, clock);
        giveUpCharge = new GiveUpCharge(payments, clock);

        carriers = RecordingCarrierBookings.simulated(shipmentIds::newId, clock);
        ScheduleShipment scheduleShipment = new ScheduleShipment(shipments, carriers, shipmentIds::newId, clock);
        CancelShipment cancelShipment = new CancelShipment(shipments, carriers, clock);

        // The consumers as routing tables, one per function, as their handlers declare them.
        Function<EventEnvelope<? extends DomainEvent>, Announces> tracked = event -> {
            trackOrder.apply(event);
            return Announces.NOTHING;
        };
        bus.consume(ORDER_STATUS, StockReserved.class, tracked::apply);
        bus.consume(ORDER_STATUS, StockUnavailable.class, tracked::apply);
        bus.consume(ORDER_STATUS, StockReleased.class, tracked::apply);
        bus.consume(ORDER_STATUS, PaymentCharged.class, tracked::apply);
        bus.consume(ORDER_STATUS, PaymentDeclined.class, tracked::apply);
        bus.consume(ORDER_STATUS, PaymentFailed.class, tracked::apply);
        bus.consume(ORDER_STATUS, PaymentRefunded.class, tracked::apply);
        bus.consume(ORDER_STATUS, ShipmentScheduled.class, tracked::apply);
        bus.consume(ORDER_STATUS, ShipmentFailed.class, tracked::apply);
        bus.consume(ORDER_STATUS, ShipmentCancelled.class, tracked::apply);
        bus.consume(RESERVE_STOCK, OrderPlaced.class, reserveStock::reserve);
        bus.consume(RELEASE_STOCK, PaymentDeclined.class, releaseStock::release);
        bus.consume(RELEASE_STOCK, PaymentFailed.class, releaseStock::release);
        bus.consume(RELEASE_STOCK, OrderCancelled.class, releaseStock::release);
        bus.consume(RELEASE_STOCK, ShipmentFailed.class, releaseStock::release);
        bus.consume(CHARGE_PAYMENT, StockReserved.class, chargePayment::charge);
        bus.onDeadLetter(CHARGE_PAYMENT, StockReserved.class, this::giveUpCharge);
        bus.consume(REFUND_PAYMENT, OrderCancelled.class, refundPayment::onCancelled);
        bus.consume(REFUND_PAYMENT, ShipmentFailed.class, refundPayment::onShipmentFailed);
        bus.consume(SCHEDULE_SHIPMENT, PaymentCharged.class, scheduleShipment::schedule);
        bus.consume(CANCEL_SHIPMENT, OrderCancelled.class, cancelShipment::cancel);
    }

    /** A shop whose queues deliver every message once. */
    static InMemorySaga withSingleDelivery() {
        return new InMemorySaga(1);
    }

    /** A shop whose queues deliver every message twice, as at-least-once delivery may. */
    static InMemorySaga withEveryMessageDeliveredTwice() {
        return new InMemorySaga(2);
    }

    // ---- What happens in a story ---------------------------------------------------------------

    /**
     * The catalogue introduces a product: its ProductCreated reaches the order service's price
     * table and opens the product's stock item in inventory.
     */
    void sells(String productId, Money price) {
        priceList.put(productId, price);
        stockItems.openIfAbsent(new ProductId(productId));
    }

    /** Staff put units of a product the catalogue sells into stock. */
    void restocks(String productId, int units) {
        if (!(stockAdministration.restock(new ProductId(productId), units) instanceof StockAdministration.Restocked)) {
            throw new AssertionError("inventory does not know " + productId + ": the story must sell it first");
        }
    }

    /** The customer places an order for one product; the saga then runs until it settles. */
    OrderId placeOrder(Customer customer, int quantity, String productId, String paymentMethodRef) {
        String requestId = requestIds.newId();
        var outcome = placeOrder.place(new PlaceOrderCommand(customer.id(), customer.email(),
                List.of(new PlaceOrderCommand.RequestedLine(productId, quantity)), customer.address(), paymentMethodRef,
                null, requestId, requestId));
        if (!(outcome instanceof PlaceOrder.Outcome.Accepted accepted)) {
            throw new AssertionError("the order was not accepted: " + outcome);
        }
        bus.deliverAll();
        return accepted.order().id();
    }

    /** The customer cancels their order; the saga then runs until it settles. */
    CancelOrder.Outcome cancel(Customer customer, OrderId order, String reason) {
        var outcome = cancelOrder.cancel(order, customer.id(), reason, requestIds.newId());
        bus.deliverAll();
        return outcome;
    }

    /** Holds the queue's messages, as when its function is throttled or down. */
    void pause(Queue queue) {
        bus.pause(queue);
    }

    /** Lets the queue's held messages through; the saga then runs until it settles. */
    void resume(Queue queue) {
        bus.resume(queue);
        bus.deliverAll();
    }

    /** Lets time pass between two steps of a story. */
    void later(Duration duration) {
        clock.advance(duration);
    }

    // ---- What a story can observe --------------------------------------------------------------

    /** The order as the order service stores it. */
    Order order(OrderId id) {
        return orders.find(id).orElseThrow(() -> new AssertionError("no order " + id));
    }

    /** The product's stock as inventory keeps it. */
    StockLevel stockOf(String productId) {
        return stockAdministration.stockOf(new ProductId(productId))
                .orElseThrow(() -> new AssertionError("inventory keeps no stock of " + productId));
    }

    /** The order's payment, if payment has heard of the order. */
    Optional<Payment> paymentOf(OrderId order) {
        return payments.find(order.value());
    }

    /** The order's live shipment: one booked and not withdrawn. */
    Optional<Shipment> shipmentOf(OrderId order) {
        return shippingRecordOf(order).filter(Shipment.class::isInstance).map(Shipment.class::cast);
    }

    /** What shipping recorded for the order, if it heard of it: a booking, a refusal, a withdrawal or a cancel marker. */
    Optional<ShippingRecord> shippingRecordOf(OrderId order) {
        return shipments.find(order.value());
    }

    /** The carriers, with every booking and withdrawal shipping asked for. */
    RecordingCarrierBookings carriers() {
        return carriers;
    }

    /** The payment provider, with every request it was sent. */
    RecordingPaymentGateway provider() {
        return provider;
    }

    /** The alerts raised to the operators, in order. */
    List<AbandonedCharge> opsAlerts() {
        return List.copyOf(opsAlerts);
    }

    /** The bus, with every event published and every message dead-lettered. */
    InMemoryBus bus() {
        return bus;
    }

    // ---- The handlers' parts around the use cases ----------------------------------------------

    private Map<String, Money> pricesOf(Set<String> productIds) {
        Map<String, Money> known = new HashMap<>(priceList);
        known.keySet().retainAll(productIds);
        return known;
    }

    /** PaymentDlqHandler: give up, announce what was recorded, and page the operators in every case. */
    private GiveUpOutcome giveUpCharge(EventEnvelope<StockReserved> reserved, int receiveCount) {
        GiveUpOutcome outcome = giveUpCharge.giveUp(reserved, MAX_RECEIVE_COUNT);
        String done = switch (outcome) {
            case GiveUpOutcome.Abandoned abandoned -> "PaymentFailed announced: " + abandoned.event().data().reason();
            case AlreadyRecorded recorded -> "settled after all; "
                    + recorded.event().metadata().eventType() + " announced again";
            case GiveUpOutcome.CancelledMeanwhile cancelled -> "the order was cancelled meanwhile; nothing announced";
        };
        opsAlerts.add(new AbandonedCharge(reserved.data().orderId(), reserved.data().customerId(), reserved.eventId(),
                reserved.correlationId(), receiveCount, done));
        return outcome;
    }
}
