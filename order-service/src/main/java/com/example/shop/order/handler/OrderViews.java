package com.example.shop.order.handler;

import com.example.shop.events.Money;
import com.example.shop.order.domain.Order;
import com.example.shop.order.domain.StatusChange;

import java.util.List;

/** The JSON shapes of orders in HTTP responses. */
final class OrderViews {

    private OrderViews() {
    }

    record MoneyView(long amountMinor, String currency) {
        static MoneyView of(Money money) {
            return new MoneyView(money.amountMinor(), money.currency());
        }
    }

    record LineView(String productId, int quantity, MoneyView unitPrice) {
    }

    record HistoryView(String status, String event, String at, String reason) {
        static HistoryView of(StatusChange change) {
            return new HistoryView(change.status().name(), change.event(), change.at().toString(), change.reason());
        }
    }

    /** The answer to placing an order. */
    record Accepted(String orderId, String status, MoneyView total) {
        static Accepted of(Order order) {
            return new Accepted(order.id().value(), order.status().name(), MoneyView.of(order.total()));
        }
    }

    /** The full order as its owner sees it. */
    record OrderView(String orderId, String status, MoneyView total, List<LineView> lines, List<HistoryView> history) {
        static OrderView of(Order order) {
            return new OrderView(order.id().value(), order.status().name(), MoneyView.of(order.total()),
                    order.lines().stream().map(l -> new LineView(l.productId(), l.quantity(), MoneyView.of(l.unitPrice())))
                            .toList(),
                    order.history().stream().map(HistoryView::of).toList());
        }
    }
}
