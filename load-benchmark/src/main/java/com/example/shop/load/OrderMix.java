package com.example.shop.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What kind of order each arrival is: most ship, some are declined, some are cancelled by the
 * customer right after placing them, some ask for a product that is sold out. The kinds come from a
 * shuffled deck of 100 (fixed seed), dealt again every 100 orders, so every run and every full
 * hundred has exactly the stated shares.
 */
final class OrderMix {

    /** An order's story, and the order status it ends in. */
    enum Kind {
        /** Paid with a card that works, for a product in stock: ends SHIPPED. */
        SHIPS(80, "pm-card-visa"),
        /** Paid with a card the simulated gateway declines: ends PAYMENT_FAILED. */
        DECLINED(8, "pm-decline-insufficient-funds"),
        /** Cancelled by the customer as soon as it is accepted: ends CANCELLED (or SHIPPED if the saga won). */
        CANCELLED(7, "pm-card-visa"),
        /** For a product with no stock left: ends REJECTED. */
        OUT_OF_STOCK(5, "pm-card-visa");

        final int perHundred;
        final String paymentMethod;

        Kind(int perHundred, String paymentMethod) {
            this.perHundred = perHundred;
            this.paymentMethod = paymentMethod;
        }
    }

    private final List<Kind> deck;

    OrderMix(long seed) {
        List<Kind> cards = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (int i = 0; i < kind.perHundred; i++) {
                cards.add(kind);
            }
        }
        Collections.shuffle(cards, new Random(seed));
        this.deck = List.copyOf(cards);
    }

    /** The kind of the {@code n}-th order of a run (0-based). */
    Kind kindOf(long n) {
        return deck.get((int) (n % deck.size()));
    }

    static String describe() {
        StringBuilder text = new StringBuilder();
        for (Kind kind : Kind.values()) {
            text.append(text.isEmpty() ? "" : ", ").append(kind.perHundred).append(" % ")
                    .append(kind.name().toLowerCase().replace('_', ' '));
        }
        return text.toString();
    }
}
