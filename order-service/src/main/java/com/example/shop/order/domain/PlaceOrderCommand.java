package com.example.shop.order.domain;

import com.example.shop.events.ShippingAddress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A customer's request to place an order, after the HTTP layer checked its shape.
 *
 * @param customerId       the caller's id, from the verified token
 * @param customerEmail    the caller's email, from the verified token
 * @param lines            requested products and quantities, possibly one product twice
 * @param shippingAddress  where to ship
 * @param paymentMethodRef which of the customer's payment methods to charge
 * @param idempotencyKey   the client's key for safe retries, or null
 * @param requestId        the HTTP request's id
 * @param correlationId    the id to follow the order by (taken from the request or born with it)
 */
public record PlaceOrderCommand(
        String customerId,
        String customerEmail,
        List<RequestedLine> lines,
        ShippingAddress shippingAddress,
        String paymentMethodRef,
        String idempotencyKey,
        String requestId,
        String correlationId) {

    public PlaceOrderCommand {
        Objects.requireNonNull(customerId, "customerId");
        lines = List.copyOf(lines);
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(paymentMethodRef, "paymentMethodRef");
    }

    /** One requested line. */
    public record RequestedLine(String productId, int quantity) {
    }

    /**
     * A digest of what was asked for (not who asked or when): the same key with the same request
     * is a replay, with another request a conflict.
     */
    public String fingerprint() {
        String canonical = lines + "|" + shippingAddress + "|" + paymentMethodRef;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
