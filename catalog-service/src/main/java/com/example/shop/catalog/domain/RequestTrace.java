package com.example.shop.catalog.domain;

/**
 * Which request asked for a change: its id becomes the {@code causationId} of the events the
 * change announces, and the correlation id follows them through every service.
 *
 * @param requestId     the HTTP API's request id
 * @param correlationId the caller's correlation id, or the request id when it sent none
 */
public record RequestTrace(String requestId, String correlationId) {

    public RequestTrace {
        if (requestId == null || requestId.isBlank() || correlationId == null || correlationId.isBlank()) {
            throw new IllegalArgumentException("requestId and correlationId must not be blank");
        }
    }
}
