package com.example.shop.localcloud.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed development token and the moment it stops being accepted.
 *
 * @param token     the compact JWS serialization ({@code header.payload.signature})
 * @param expiresAt the token's {@code exp} claim
 */
public record IssuedToken(String token, Instant expiresAt) {

    public IssuedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The value of an {@code Authorization} header carrying this token. */
    public String bearer() {
        return "Bearer " + token;
    }
}
