package com.example.shop.events;

import static com.example.shop.events.SampleEvents.CUSTOMER_ID;
import static com.example.shop.events.SampleEvents.ORDER_ID;
import static com.example.shop.events.SampleEvents.address;
import static com.example.shop.events.SampleEvents.euros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DomainEventValidationTest {

    private static final OrderLine BEANS = new OrderLine("prod-espresso-beans-1kg", 2, euros(1890));
    private static final OrderLine MUG = new OrderLine("prod-ceramic-mug-350ml", 1, euros(1250));

    private static OrderPlaced orderPlaced(List<OrderLine> lines, Money total) {
        return new OrderPlaced(ORDER_ID, CUSTOMER_ID, "erika.mustermann@example.com", lines, total, address(),
                "pm-ref-7Hq2kLx9");
    }

    @Test
    void order_placed_when_total_is_the_sum_of_the_lines_is_valid() {
        assertThat(orderPlaced(List.of(BEANS, MUG), euros(5030)).total()).isEqualTo(euros(5030));
    }

    @Test
    void order_placed_when_total_differs_from_the_sum_of_the_lines_rejects_naming_total() {
        assertThatThrownBy(() -> orderPlaced(List.of(BEANS, MUG), euros(5000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("total")
                .hasMessageContaining("5030");
    }

    @Test
    void order_placed_when_a_line_is_in_another_currency_rejects_naming_the_line() {
        OrderLine dollarMug = new OrderLine("prod-ceramic-mug-350ml", 1, new Money(1250, "USD"));
        assertThatThrownBy(() -> orderPlaced(List.of(BEANS, dollarMug), euros(5030)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines[1].unitPrice");
    }

    @Test
    void order_placed_without_lines_rejects_naming_lines() {
        assertThatThrownBy(() -> orderPlaced(List.of(), euros(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines");
    }

    @Test
    void order_placed_with_more_than50_lines_rejects_naming_lines() {
        List<OrderLine> lines = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> new OrderLine("prod-" + i, 1, euros(100)))
                .toList();
        assertThatThrownBy(() -> orderPlaced(lines, euros(5100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines");
    }

    @Test
    void order_placed_with_two_lines_for_one_product_rejects() {
        assertThatThrownBy(() -> orderPlaced(List.of(BEANS, BEANS), euros(7560)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prod-espresso-beans-1kg");
    }

    @Test
    void order_placed_when_email_has_no_at_rejects_naming_customer_email() {
        assertThatThrownBy(() -> new OrderPlaced(ORDER_ID, CUSTOMER_ID, "erika.example.com", List.of(BEANS),
                euros(3780), address(), "pm-ref-7Hq2kLx9"))
                .hasMessageContaining("customerEmail");
    }

    @Test
    void order_placed_when_order_id_is_blank_rejects_naming_order_id() {
        assertThatThrownBy(() -> new OrderPlaced(" ", CUSTOMER_ID, "erika@example.com", List.of(BEANS),
                euros(3780), address(), "pm-ref-7Hq2kLx9"))
                .hasMessageContaining("orderId");
    }

    @Test
    void order_placed_keeps_its_own_copy_of_the_lines() {
        List<OrderLine> lines = new ArrayList<>(List.of(BEANS));
        OrderPlaced placed = orderPlaced(lines, euros(3780));

        lines.add(MUG);

        assertThat(placed.lines()).containsExactly(BEANS);
        assertThatThrownBy(() -> placed.lines().add(MUG)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void order_placed_when_a_line_is_null_rejects_naming_the_line() {
        List<OrderLine> lines = new ArrayList<>();
        lines.add(null);
        assertThatThrownBy(() -> orderPlaced(lines, euros(0))).hasMessageContaining("lines[0]");
    }

    @Test
    void stock_unavailable_without_lines_rejects_naming_lines() {
        assertThatThrownBy(() -> new StockUnavailable(ORDER_ID, CUSTOMER_ID, List.of()))
                .hasMessageContaining("lines");
    }

    @Test
    void stock_reserved_without_payment_method_rejects_naming_payment_method_ref() {
        assertThatThrownBy(() -> new StockReserved(ORDER_ID, CUSTOMER_ID, List.of(new ReservedLine("p", 1)),
                euros(100), null, address()))
                .hasMessageContaining("paymentMethodRef");
    }

    @Test
    void stock_released_without_reason_rejects_naming_reason() {
        assertThatThrownBy(() -> new StockReleased(ORDER_ID, CUSTOMER_ID, List.of(new ReservedLine("p", 1)), ""))
                .hasMessageContaining("reason");
    }

    @Test
    void payment_charged_without_amount_rejects_naming_amount() {
        assertThatThrownBy(() -> new PaymentCharged(ORDER_ID, CUSTOMER_ID, "pay-1", null, address()))
                .hasMessageContaining("amount");
    }

    @Test
    void shipment_scheduled_without_estimated_delivery_rejects_naming_it() {
        assertThatThrownBy(() -> new ShipmentScheduled(ORDER_ID, CUSTOMER_ID, "shp-1", "DHL", "JJD1", null))
                .hasMessageContaining("estimatedDelivery");
    }

    @Test
    void product_price_changed_when_currency_changes_rejects_naming_new_price() {
        assertThatThrownBy(() -> new ProductPriceChanged("prod-1", euros(1790), new Money(1890, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newPrice");
    }

    @Test
    void each_event_family_reports_its_service_as_source() {
        assertThat(SampleEvents.orderPlaced().source()).isEqualTo("shop.orders");
        assertThat(SampleEvents.stockReserved().source()).isEqualTo("shop.inventory");
        assertThat(new PaymentFailed(ORDER_ID, CUSTOMER_ID, "provider down").source()).isEqualTo("shop.payments");
        assertThat(SampleEvents.shipmentScheduled().source()).isEqualTo("shop.shipping");
        assertThat(new ProductDiscontinued("prod-1").source()).isEqualTo("shop.catalog");
    }
}
