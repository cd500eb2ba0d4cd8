package com.example.shop.localcloud.saga;

import com.example.shop.events.Announces;
import com.example.shop.events.DomainEvent;
import com.example.shop.events.EventEnvelope;
import com.example.shop.events.EventPublisher;
import com.example.shop.localcloud.contract.ShopBusRouting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The shop's event bus and the consumer queues behind its rules, played in one thread: every
 * published event is recorded, matched against the template's own rules ({@link ShopBusRouting})
 * and put on the queue of each consumer a rule targets; {@link #deliverAll()} then works the
 * messages off in FIFO order until none is left. A change to a rule in the template changes what
 * the stories see.
 *
 * <p>It keeps the delivery guarantees the services are built for, so the stories exercise them:
 * <ul>
 *   <li>a consumer that throws fails only that message, which comes back at the end of the line
 *       (the visibility timeout) until it was received {@code maxReceiveCount} times; then it moves
 *       to the queue's dead-letter list, where a registered dead-letter handler takes it;</li>
 *   <li>with {@code copiesPerMessage} 2 every message is delivered twice, as at-least-once
 *       delivery allows. No processed-events store sits in front of the consumers, so every
 *       duplicate reaches the use case: the stories prove the domain's own idempotency, the line
 *       of defence that remains when that store is bypassed;</li>
 *   <li>a paused queue keeps its messages until it is resumed, as when a function is throttled
 *       or down, which is how a story lets events overtake each other;</li>
 *   <li>an event a rule routes to a queue whose consumer has no route for its type is
 *       acknowledged unhandled and written down ({@link #unhandled()}), as
 *       {@code SqsEventConsumer} acknowledges it in the deployed function. A queue with no
 *       consumer at all fails the story: the saga forgot to wire its function.</li>
 * </ul>
 */
final class InMemoryBus implements EventPublisher {

    /** The saga's consumer queues of the template, each named after the function that reads it there. */
    enum Queue {
        /** {@code OrderStatusQueue}: the order service follows the saga. */
        ORDER_STATUS("UpdateOrderStatusFunction"),
        /** {@code ReserveStockQueue}: inventory reserves stock for a placed order. */
        RESERVE_STOCK("ReserveStockFunction"),
        /** {@code ReleaseStockQueue}: inventory gives stock back (the compensation). */
        RELEASE_STOCK("ReleaseStockFunction"),
        /** {@code ChargePaymentQueue}: payment charges a reserved order; its DLQ is worked off by PaymentDlqFunction. */
        CHARGE_PAYMENT("ChargePaymentFunction"),
        /** {@code RefundPaymentQueue}: payment refunds a cancelled order. */
        REFUND_PAYMENT("RefundPaymentFunction"),
        /** {@code ScheduleShipmentQueue}: shipping books a parcel for a paid order. */
        SCHEDULE_SHIPMENT("ScheduleShipmentFunction"),
        /** {@code CancelShipmentQueue}: shipping withdraws a cancelled order's booking, or keeps it from being booked. */
        CANCEL_SHIPMENT("CancelShipmentFunction");

        private final String function;

        Queue(String function) {
            this.function = function;
        }

        /** The queue the template's function {@code function} reads, if it is one of the saga's. */
        static Optional<Queue> readBy(String function) {
            return Stream.of(values()).filter(queue -> queue.function.equals(function)).findFirst();
        }
    }

    /**
     * A message that failed on every receive and was moved to its queue's dead-letter queue.
     *
     * @param receiveCount how often the source queue had delivered it
     * @param lastFailure what the consumer threw the last time
     */
    record DeadLetter(Queue queue, EventEnvelope<?> event, int receiveCount, RuntimeException lastFailure) {
    }

    /** An event a queue received whose consumer has no route for its type: acknowledged, nothing done. */
    record Unhandled(Queue queue, EventEnvelope<?> event) {
    }

    private record Message(Queue queue, EventEnvelope<?> event, int receiveCount) {
        Message received() {
            return new Message(queue, event, receiveCount + 1);
        }
    }

    private final ShopBusRouting routing;
    private final Set<String> outsideTheSaga;
    private final int maxReceiveCount;
    private final int copiesPerMessage;
    private final Map<Queue, Map<Class<?>, Consumer<EventEnvelope<?>>>> consumers = new EnumMap<>(Queue.class);
    private final Map<Queue, Map<Class<?>, BiConsumer<EventEnvelope<?>, Integer>>> deadLetterHandlers =
            new EnumMap<>(Queue.class);
    private final Deque<Message> visible = new ArrayDeque<>();
    private final Set<Queue> paused = EnumSet.noneOf(Queue.class);
    private final Map<Queue, List<Message>> held = new EnumMap<>(Queue.class);
    private final List<EventEnvelope<?>> published = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<Unhandled> unhandled = new ArrayList<>();
    private int receives;

    /**
     * @param routing where each event goes: the template's rules, each followed to the function
     *                that reads its target queue
     * @param outsideTheSaga the consumers the rules reach that play no part in the saga; their
     *                       deliveries are dropped. Any other consumer without a {@link Queue}
     *                       fails the story, so a new consumer in the template is noticed here
     * @param maxReceiveCount the queues' redrive limit
     * @param copiesPerMessage 1 for single delivery, 2 to deliver every message twice
     */
    InMemoryBus(ShopBusRouting routing, Set<String> outsideTheSaga, int maxReceiveCount, int copiesPerMessage) {
        this.routing = routing;
        this.outsideTheSaga = Set.copyOf(outsideTheSaga);
        this.maxReceiveCount = maxReceiveCount;
        this.copiesPerMessage = copiesPerMessage;
    }

    /**
     * Lets {@code consumer} handle the events of {@code type} that arrive on {@code queue}, and
     * publishes what it announces, as {@code SqsEventConsumer} does for the deployed functions.
     */
    <T extends DomainEvent> void consume(Queue queue, Class<T> type, Function<EventEnvelope<T>, ? extends Announces> consumer) {
        consumers.computeIfAbsent(queue, q -> new HashMap<>())
                .put(type, event -> publish(consumer.apply(narrow(type, event)).announcements()));
    }

    /**
     * Lets {@code handler} take the events of {@code type} that end in {@code queue}'s dead-letter
     * queue; it receives the event and the receive count its own delivery reports.
     */
    <T extends DomainEvent> void onDeadLetter(Queue queue, Class<T> type,
                                              BiFunction<EventEnvelope<T>, Integer, ? extends Announces> handler) {
        deadLetterHandlers.computeIfAbsent(queue, q -> new HashMap<>())
                .put(type, (event, receiveCount) -> publish(handler.apply(narrow(type, event), receiveCount)
                        .announcements()));
    }

    @Override
    public void publish(List<? extends EventEnvelope<?>> events) {
        for (EventEnvelope<?> event : events) {
            published.add(event);
            for (String consumer : routing.deliveriesOf(event)) {
                Optional<Queue> queue = Queue.readBy(consumer);
                if (queue.isEmpty()) {
                    requireOutsideTheSaga(consumer, event);
                    continue;
                }
                for (int copy = 0; copy < copiesPerMessage; copy++) {
                    enqueue(new Message(queue.get(), event, 0));
                }
            }
        }
    }

    /** Delivers messages, and whatever their consumers publish in turn, until every queue is empty. */
    void deliverAll() {
        while (!visible.isEmpty()) {
            receive(visible.removeFirst());
        }
    }

    /** Holds the queue's messages from now on, as when its function is throttled or down. */
    void pause(Queue queue) {
        paused.add(queue);
    }

    /** Lets the queue's held messages, and every later one, through again; call {@link #deliverAll()} next. */
    void resume(Queue queue) {
        paused.remove(queue);
        visible.addAll(held.getOrDefault(queue, List.of()));
        held.remove(queue);
    }

    /** Every event as it was published, republications of the same event included. */
    List<EventEnvelope<?>> published() {
        return List.copyOf(published);
    }

    /** The type of every published event, in publishing order. */
    List<String> publishedTypes() {
        return published.stream().map(event -> event.metadata().eventType()).toList();
    }

    /** The type of each distinct event (by event id) in the order it was first published. */
    List<String> distinctEventTypes() {
        Map<String, String> typeById = new LinkedHashMap<>();
        published.forEach(event -> typeById.putIfAbsent(event.eventId(), event.metadata().eventType()));
        return List.copyOf(typeById.values());
    }

    /** How many times any consumer received a message, retries and duplicates included. */
    int receives() {
        return receives;
    }

    /** Every message that was moved to a dead-letter queue, in order. */
    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Every message a consumer acknowledged without a route for its type, in order. */
    List<Unhandled> unhandled() {
        return List.copyOf(unhandled);
    }

    /** The messages that were moved to {@code queue}'s dead-letter queue. */
    List<DeadLetter> deadLetters(Queue queue) {
        return deadLetters.stream().filter(letter -> letter.queue() == queue).toList();
    }

    private void requireOutsideTheSaga(String consumer, EventEnvelope<?> event) {
        if (!outsideTheSaga.contains(consumer)) {
            throw new AssertionError("the template routes " + event.metadata().eventType() + " to " + consumer
                    + ", which the saga neither plays nor counts as outside it");
        }
    }

    private void enqueue(Message message) {
        if (paused.contains(message.queue())) {
            held.computeIfAbsent(message.queue(), q -> new ArrayList<>()).add(message);
        } else {
            visible.addLast(message);
        }
    }

    private void receive(Message waiting) {
        Message message = waiting.received();
        receives++;
        if (!consumers.containsKey(message.queue())) {
            throw new AssertionError("a rule routes " + typeOf(message) + " to " + message.queue()
                    + ", but the saga wires no consumer there");
        }
        Optional<Consumer<EventEnvelope<?>>> route = handlerOf(consumers, message);
        if (route.isEmpty()) {
            unhandled.add(new Unhandled(message.queue(), message.event()));
            return;
        }
        Consumer<EventEnvelope<?>> consumer = route.get();
        try {
            consumer.accept(message.event());
        } catch (RuntimeException failure) {
            if (message.receiveCount() < maxReceiveCount) {
                enqueue(message);
            } else {
                deadLetter(message, failure);
            }
        }
    }

    private void deadLetter(Message message, RuntimeException failure) {
        deadLetters.add(new DeadLetter(message.queue(), message.event(), message.receiveCount(), failure));
        // SQS keeps counting receives across the redrive, so the DLQ handler's first receive is
        // one more than the source queue's limit (see ChargePaymentDlq in the template).
        handlerOf(deadLetterHandlers, message)
                .ifPresent(handler -> handler.accept(message.event(), message.receiveCount() + 1));
    }

    private static <H> Optional<H> handlerOf(Map<Queue, Map<Class<?>, H>> handlers, Message message) {
        return Optional.ofNullable(handlers.getOrDefault(message.queue(), Map.of())
                .get(message.event().data().getClass()));
    }

    private static String typeOf(Message message) {
        return message.event().metadata().eventType();
    }

    /** Safe because handlers are looked up by the class of the event's data. */
    @SuppressWarnings("unchecked")
    private static <T extends DomainEvent> EventEnvelope<T> narrow(Class<T> type, EventEnvelope<?> event) {
        if (!type.isInstance(event.data())) {
            throw new AssertionError("a " + type.getSimpleName() + " consumer received " + event.metadata().eventType());
        }
        return (EventEnvelope<T>) event;
    }
}
