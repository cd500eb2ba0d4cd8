package com.example.shop.localcloud.http;

/**
 * A development-only endpoint served by the local HTTP API under {@code /_local/}, such as the
 * token issuer or an order's journey timeline. It is not part of the deployed API.
 */
@FunctionalInterface
public interface LocalEndpoint {

    /**
     * Answers one request.
     *
     * @throws Exception when it cannot; the API answers 500 without the exception's text
     */
    LocalResponse handle(LocalRequest request) throws Exception;
}
