package com.example.shop.payment.domain;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The loop every payment use case runs: read the payment, decide, write conditionally on the state
 * that was read. A round whose write lost to another delivery or function answers empty, and the
 * next round reads again and decides anew. Running out of rounds is a bug, not contention: the
 * state graph has no cycles, so every lost write moves the payment closer to an end state.
 */
final class Rounds {

    private Rounds() {
    }

    static <T> T untilDecided(String orderId, int maxRounds, String purpose, Supplier<Optional<T>> round) {
        for (int attempt = 1; attempt <= maxRounds; attempt++) {
            Optional<T> decided = round.get();
            if (decided.isPresent()) {
                return decided.get();
            }
        }
        throw new IllegalStateException("the payment of order " + orderId + " kept changing under "
                + maxRounds + " attempts to " + purpose);
    }
}
