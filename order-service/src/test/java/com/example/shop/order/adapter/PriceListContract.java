package com.example.shop.order.adapter;

import com.example.shop.events.Money;
import com.example.shop.order.domain.ListPrice;
import com.example.shop.order.domain.PriceBook;
import com.example.shop.order.domain.PriceTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.example.shop.order.OrderFixtures.BEANS;
import static com.example.shop.order.OrderFixtures.MUG;
import static com.example.shop.order.OrderFixtures.euros;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the order service's price list promises through its two ports, the {@link PriceBook} the
 * catalog's announcements write and the {@link PriceTable} orders are priced from: run on the
 * in-memory fake ({@code InMemoryPriceListTest}) and on the DynamoDB adapters
 * ({@code DynamoDbPriceListIT}). Versions order the announcements: the newest price or
 * withdrawal of a product wins, whatever order they arrive in.
 */
abstract class PriceListContract {

    /** Both sides of one fresh, empty price list. */
    record PriceList(PriceBook book, PriceTable table) {
    }

    abstract PriceList newPriceList();

    private PriceBook book;
    private PriceTable prices;

    @BeforeEach
    void freshPriceList() {
        PriceList list = newPriceList();
        book = list.book();
        prices = list.table();
    }

    private Map<String, Money> priceOfBeans() {
        return prices.pricesOf(Set.of(BEANS));
    }

    @Test
    void a_recorded_price_is_what_orders_are_priced_with() {
        assertThat(book.record(new ListPrice(BEANS, euros(1890), 1_000))).isTrue();

        assertThat(priceOfBeans()).isEqualTo(Map.of(BEANS, euros(1890)));
    }

    @Test
    void an_older_or_equal_version_never_overwrites_a_newer_price() {
        book.record(new ListPrice(BEANS, euros(2100), 3_000));

        assertThat(book.record(new ListPrice(BEANS, euros(1990), 2_000))).isFalse();
        assertThat(book.record(new ListPrice(BEANS, euros(1990), 3_000))).isFalse();
        assertThat(priceOfBeans()).isEqualTo(Map.of(BEANS, euros(2100)));
        assertThat(book.record(new ListPrice(BEANS, euros(2200), 4_000))).isTrue();
        assertThat(priceOfBeans()).isEqualTo(Map.of(BEANS, euros(2200)));
    }

    @Test
    void a_withdrawn_product_has_no_price_and_older_announcements_do_not_bring_it_back() {
        book.record(new ListPrice(BEANS, euros(1890), 1_000));

        assertThat(book.withdraw(BEANS, 2_000)).isTrue();
        assertThat(book.record(new ListPrice(BEANS, euros(1890), 1_000))).isFalse();
        assertThat(book.record(new ListPrice(BEANS, euros(1990), 1_500))).isFalse();
        assertThat(book.withdraw(BEANS, 2_000)).isFalse();
        assertThat(priceOfBeans()).isEmpty();
    }

    @Test
    void a_price_announced_after_the_withdrawal_sells_the_product_again() {
        book.withdraw(BEANS, 2_000);

        assertThat(book.record(new ListPrice(BEANS, euros(2090), 2_500))).isTrue();
        assertThat(priceOfBeans()).isEqualTo(Map.of(BEANS, euros(2090)));
    }

    @Test
    void a_withdrawal_older_than_the_price_changes_nothing() {
        book.record(new ListPrice(BEANS, euros(1990), 3_000));

        assertThat(book.withdraw(BEANS, 2_000)).isFalse();
        assertThat(priceOfBeans()).isEqualTo(Map.of(BEANS, euros(1990)));
    }

    @Test
    void a_withdrawal_that_arrives_first_keeps_the_product_unpriced() {
        assertThat(book.withdraw(BEANS, 2_000)).isTrue();
        assertThat(book.record(new ListPrice(BEANS, euros(1890), 1_000))).isFalse();
        assertThat(priceOfBeans()).isEmpty();
    }

    @Test
    void the_price_table_returns_known_prices_and_leaves_unknown_products_out() {
        book.record(new ListPrice(BEANS, euros(1890), 1_000));
        book.record(new ListPrice(MUG, euros(1250), 1_000));

        var found = prices.pricesOf(Set.of(BEANS, MUG, "prod-never-sold"));

        assertThat(found).containsOnly(Map.entry(BEANS, euros(1890)), Map.entry(MUG, euros(1250)));
    }

    @Test
    void asking_the_price_table_for_no_products_answers_nothing() {
        assertThat(prices.pricesOf(Set.of())).isEmpty();
    }
}
