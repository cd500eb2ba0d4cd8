package com.example.shop.order.domain;

import com.example.shop.events.EventEnvelope;
import com.example.shop.events.Money;
import com.example.shop.events.OrderLine;
import com.example.shop.events.OrderPlaced;
import com.example.shop.order.testing.InMemoryOrderRepository;
import com.example.shop.order.testing.InMemoryPriceList;
import com.example.shop.platform.testing.MutableClock;
import com.example.shop.platform.testing.SequentialIds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static com.example.shop.order.OrderFixtures.BEANS;
import static com.example.shop.order.OrderFixtures.CORRELATION_ID;
import static com.example.shop.order.OrderFixtures.CUSTOMER;
import static com.example.shop.order.OrderFixtures.EMAIL;
import static com.example.shop.order.OrderFixtures.MUG;
import static com.example.shop.order.OrderFixtures.OTHER_CUSTOMER;
import static com.example.shop.order.OrderFixtures.PAYMENT_METHOD;
import static com.example.shop.order.OrderFixtures.REQUEST_ID;
import static com.example.shop.order.OrderFixtures.address;
import static com.example.shop.order.OrderFixtures.command;
import static com.example.shop.order.OrderFixtures.euros;
import static com.example.shop.order.OrderFixtures.line;
import static com.example.shop.order.OrderFixtures.prices;
import static org.assertj.core.api.Assertions.assertThat;

/** Placing an order: pricing, line rules, the OrderPlaced event and idempotent retries. */
class PlaceOrderTest {

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryPriceList prices = prices();
    private final SequentialIds ids = new SequentialIds();
    private final MutableClock clock = MutableClock.atSampleTime();
    private final PlaceOrder placeOrder = new PlaceOrder(orders, prices, ids, clock);

    private Order accepted(PlaceOrder.Outcome outcome) {
        assertThat(outcome).isInstanceOf(PlaceOrder.Outcome.Accepted.class);
        return ((PlaceOrder.Outcome.Accepted) outcome).order();
    }

    @Nested
    class Pricing {

        @Test
        void each_line_is_priced_from_the_price_table_and_the_total_is_their_sum() {
            Order order = accepted(placeOrder.place(command(null)));

            assertThat(order.lines()).containsExactly(new OrderLine(BEANS, 2, euros(1890)),
                    new OrderLine(MUG, 1, euros(1250)));
            assertThat(order.total()).isEqualTo(euros(5030));
        }

        @Test
        void a_new_price_applies_to_the_next_order() {
            prices.with(BEANS, euros(2000));

            assertThat(accepted(placeOrder.place(command(null))).total()).isEqualTo(euros(5250));
        }

        @Test
        void the_same_product_asked_for_twice_becomes_one_line_with_both_quantities() {
            Order order = accepted(placeOrder.place(command(List.of(line(BEANS, 2), line(MUG, 1), line(BEANS, 3)), null)));

            assertThat(order.lines()).containsExactly(new OrderLine(BEANS, 5, euros(1890)),
                    new OrderLine(MUG, 1, euros(1250)));
            assertThat(prices.lookups()).containsExactly(Set.of(BEANS, MUG));
        }

        @Test
        void exactly_one_hundred_units_of_a_product_across_lines_is_allowed() {
            Order order = accepted(placeOrder.place(command(List.of(line(BEANS, 60), line(BEANS, 40)), null)));

            assertThat(order.lines()).containsExactly(new OrderLine(BEANS, 100, euros(1890)));
        }

        @Test
        void more_than_one_hundred_units_of_a_product_across_lines_are_refused_and_nothing_is_stored() {
            var outcome = placeOrder.place(command(List.of(line(MUG, 1), line(BEANS, 60), line(BEANS, 41)), null));

            assertThat(outcome).isInstanceOfSatisfying(PlaceOrder.Outcome.InvalidLines.class, invalid -> {
                assertThat(invalid.productId()).isEqualTo(BEANS);
                assertThat(invalid.problem()).contains("100").contains("101");
            });
            assertThat(orders.writes()).isEmpty();
        }

        @Test
        void unknown_products_are_named_in_sorted_order_and_nothing_is_stored() {
            var outcome = placeOrder.place(command(
                    List.of(line("prod-zebra-mug", 1), line(BEANS, 1), line("prod-aardvark-socks", 2)), null));

            assertThat(outcome).isInstanceOfSatisfying(PlaceOrder.Outcome.UnknownProducts.class, unknown ->
                    assertThat(unknown.productIds()).containsExactly("prod-aardvark-socks", "prod-zebra-mug"));
            assertThat(orders.writes()).isEmpty();
        }

        @Test
        void products_priced_in_different_currencies_cannot_share_an_order() {
            prices.with(MUG, new Money(1400, "USD"));

            var outcome = placeOrder.place(command(null));

            assertThat(outcome).isInstanceOfSatisfying(PlaceOrder.Outcome.InvalidLines.class, invalid ->
                    assertThat(invalid.problem()).contains("currencies"));
            assertThat(orders.writes()).isEmpty();
        }
    }

    @Nested
    class Recording {

        @Test
        void the_order_is_stored_pending_with_its_order_placed_event_in_one_write() {
            Order order = accepted(placeOrder.place(command(null)));

            assertThat(orders.writes()).singleElement().satisfies(write -> {
                assertThat(write.order()).isEqualTo(order);
                assertThat(write.events()).singleElement().extracting(EventEnvelope::data)
                        .isInstanceOf(OrderPlaced.class);
            });
            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.customerId()).isEqualTo(CUSTOMER);
            assertThat(order.customerEmail()).isEqualTo(EMAIL);
            assertThat(order.correlationId()).isEqualTo(CORRELATION_ID);
            assertThat(order.history()).singleElement()
                    .isEqualTo(new StatusChange(OrderStatus.PENDING, "OrderPlaced", clock.instant(), REQUEST_ID, null));
        }

        @Test
        void order_placed_carries_what_the_later_steps_need_and_names_the_request_as_its_cause() {
            Order order = accepted(placeOrder.place(command(null)));

            EventEnvelope<OrderPlaced> placed = orders.outbox(OrderPlaced.class).getFirst();
            assertThat(placed.data()).isEqualTo(new OrderPlaced(order.id().value(), CUSTOMER, EMAIL,
                    List.of(new OrderLine(BEANS, 2, euros(1890)), new OrderLine(MUG, 1, euros(1250))), euros(5030),
                    address(), PAYMENT_METHOD));
            assertThat(placed.metadata().correlationId()).isEqualTo(CORRELATION_ID);
            assertThat(placed.metadata().causationId()).isEqualTo(REQUEST_ID);
            assertThat(placed.metadata().occurredAt()).isEqualTo(clock.instant());
            assertThat(placed.metadata().source()).isEqualTo("shop.orders");
            assertThat(placed.eventId()).isNotEqualTo(order.id().value());
        }

        @Test
        void without_an_idempotency_key_every_request_is_a_new_order() {
            Order first = accepted(placeOrder.place(command(null)));
            Order second = accepted(placeOrder.place(command(null)));

            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(orders.outbox(OrderPlaced.class)).hasSize(2);
        }
    }

    @Nested
    class Idempotency_key {

        @Test
        void the_same_key_with_the_same_request_returns_the_same_order_as_a_replay_and_writes_nothing_new() {
            var first = (PlaceOrder.Outcome.Accepted) placeOrder.place(command("key-1"));
            clock.advance(Duration.ofMinutes(1));

            var second = placeOrder.place(command("key-1"));

            assertThat(first.replay()).isFalse();
            assertThat(second).isEqualTo(new PlaceOrder.Outcome.Accepted(first.order(), true));
            assertThat(orders.writes()).hasSize(1);
            assertThat(orders.outbox(OrderPlaced.class)).hasSize(1);
        }

        @Test
        void the_same_key_with_a_different_request_is_refused_and_writes_nothing_new() {
            Order first = accepted(placeOrder.place(command("key-1")));

            var second = placeOrder.place(command(List.of(line(BEANS, 3)), "key-1"));

            assertThat(second).isEqualTo(new PlaceOrder.Outcome.KeyReused(first.id()));
            assertThat(orders.writes()).hasSize(1);
            assertThat(orders.get(first.id()).lines()).hasSize(2);
        }

        @Test
        void a_replay_returns_the_order_as_it_stands_now() {
            Order first = accepted(placeOrder.place(command("key-1")));
            orders.given(first.advance(new SagaStep.Progress(OrderStatus.RESERVED, "StockReserved"), "e-1",
                    clock.instant()).orElseThrow());

            assertThat(accepted(placeOrder.place(command("key-1"))).status()).isEqualTo(OrderStatus.RESERVED);
        }

        @Test
        void different_keys_are_different_orders() {
            Order first = accepted(placeOrder.place(command("key-1")));
            Order second = accepted(placeOrder.place(command("key-2")));

            assertThat(second.id()).isNotEqualTo(first.id());
        }

        @Test
        void a_key_belongs_to_one_customer_so_another_customer_may_use_the_same_key() {
            Order erikas = accepted(placeOrder.place(command("key-1")));
            var othersCommand = new PlaceOrderCommand(OTHER_CUSTOMER, "max@example.com", command("key-1").lines(),
                    address(), PAYMENT_METHOD, "key-1", "req-2", "corr-2");

            Order others = accepted(placeOrder.place(othersCommand));

            assertThat(others.id()).isNotEqualTo(erikas.id());
            assertThat(others.customerId()).isEqualTo(OTHER_CUSTOMER);
        }
    }
}
