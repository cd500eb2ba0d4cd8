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
    void orderPlaced_whenTotalIsTheSumOfTheLines_isValid() {
        assertThat(orderPlaced(List.of(BEANS, MUG), euros(5030)).total()).isEqualTo(euros(5030));
    }

    @Test
    void orderPlaced_whenTotalDiffersFromTheSumOfTheLines_rejectsNamingTotal() {
        assertThatThrownBy(() -> orderPlaced(List.of(BEANS, MUG), euros(5000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("total")
                .hasMessageContaining("5030");
    }

    @Test
    void orderPlaced_whenALineIsInAnotherCurrency_rejectsNamingTheLine() {
        OrderLine dollarMug = new OrderLine("prod-ceramic-mug-350ml", 1, new Money(1250, "USD"));
        assertThatThrownBy(() -> orderPlaced(List.of(BEANS, dollarMug), euros(5030)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines[1].unitPrice");
    }

    @Test
    void orderPlaced_withoutLines_rejectsNamingLines() {
        assertThatThrownBy(() -> orderPlaced(List.of(), euros(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines");
    }

    @Test
    void orderPlaced_withMoreThan50Lines_rejectsNamingLines() {
        List<OrderLine> lines = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> new OrderLine("prod-" + i, 1, euros(100)))
                .toList();
        assertThatThrownBy(() -> orderPlaced(lines, euros(5100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines");
    }

    @Test
    void orderPlaced_withTwoLinesForOneProduct_rejects() {
        assertThatThrownBy(() -> orderPlaced(List.of(BEANS, BEANS), euros(7560)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prod-espresso-beans-1kg");
    }

    @Test
    void orderPlaced_whenEmailHasNoAt_rejectsNamingCustomerEmail() {
        assertThatThrownBy(() -> new OrderPlaced(ORDER_ID, CUSTOMER_ID, "erika.example.com", List.of(BEANS),
                euros(3780), address(), "pm-ref-7Hq2kLx9"))
                .hasMessageContaining("customerEmail");
    }

    @Test
    void orderPlaced_whenOrderIdIsBlank_rejectsNamingOrderId() {
        assertThatThrownBy(() -> new OrderPlaced(" ", CUSTOMER_ID, "erika@example.com", List.of(BEANS),
                euros(3780), address(), "pm-ref-7Hq2kLx9"))
                .hasMessageContaining("orderId");
    }

    @Test
    void orderPlaced_keepsItsOwnCopyOfTheLines() {
        List<OrderLine> lines = new ArrayList<>(List.of(BEANS));
        OrderPlaced placed = orderPlaced(lines, euros(3780));

        lines.add(MUG);

        assertThat(placed.lines()).containsExactly(BEANS);
        assertThatThrownBy(() -> placed.lines().add(MUG)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void orderPlaced_whenALineIsNull_rejectsNamingTheLine() {
        List<OrderLine> lines = new ArrayList<>();
        lines.add(null);
        assertThatThrownBy(() -> orderPlaced(lines, euros(0))).hasMessageContaining("lines[0]");
    }

    @Test
    void stockUnavailable_withoutLines_rejectsNamingLines() {
        assertThatThrownBy(() -> new StockUnavailable(ORDER_ID, CUSTOMER_ID, List.of()))
                .hasMessageContaining("lines");
    }

    @Test
    void stockReserved_withoutPaymentMethod_rejectsNamingPaymentMethodRef() {
        assertThatThrownBy(() -> new StockReserved(ORDER_ID, CUSTOMER_ID, List.of(new ReservedLine("p", 1)),
                euros(100), null, address()))
                .hasMessageContaining("paymentMethodRef");
    }

    @Test
    void stockReleased_withoutReason_rejectsNamingReason() {
        assertThatThrownBy(() -> new StockReleased(ORDER_ID, CUSTOMER_ID, List.of(new ReservedLine("p", 1)), ""))
                .hasMessageContaining("reason");
    }

    @Test
    void paymentCharged_withoutAmount_rejectsNamingAmount() {
        assertThatThrownBy(() -> new PaymentCharged(ORDER_ID, CUSTOMER_ID, "pay-1", null, address()))
                .hasMessageContaining("amount");
    }

    @Test
    void shipmentScheduled_withoutEstimatedDelivery_rejectsNamingIt() {
        assertThatThrownBy(() -> new ShipmentScheduled(ORDER_ID, CUSTOMER_ID, "shp-1", "DHL", "JJD1", null))
                .hasMessageContaining("estimatedDelivery");
    }

    @Test
    void productPriceChanged_whenCurrencyChanges_rejectsNamingNewPrice() {
        assertThatThrownBy(() -> new ProductPriceChanged("prod-1", euros(1790), new Money(1890, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("newPrice");
    }

    @Test
    void eachEventFamily_reportsItsServiceAsSource() {
        assertThat(SampleEvents.orderPlaced().source()).isEqualTo("shop.orders");
        assertThat(SampleEvents.stockReserved().source()).isEqualTo("shop.inventory");
        assertThat(new PaymentFailed(ORDER_ID, CUSTOMER_ID, "provider down").source()).isEqualTo("shop.payments");
        assertThat(SampleEvents.shipmentScheduled().source()).isEqualTo("shop.shipping");
        assertThat(new ProductDiscontinued("prod-1").source()).isEqualTo("shop.catalog");
    }
}
