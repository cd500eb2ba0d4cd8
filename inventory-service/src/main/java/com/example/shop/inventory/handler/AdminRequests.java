package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.Caller;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the admin routes of the inventory API share: only the {@code admin} group may call them,
 * and the product comes from the {@code {productId}} path segment.
 */
final class AdminRequests {

    private AdminRequests() {
    }

    /** A 401 or 403 problem unless the verified caller is an admin. */
    static Optional<APIGatewayV2HTTPResponse> refuseUnlessAdmin(APIGatewayV2HTTPEvent request) {
        Optional<Caller> caller = Caller.of(request);
        if (caller.isEmpty()) {
            // The JWT authorizer normally stops such a request before it gets here.
            return Optional.of(ApiResponses.problem(401, "Unauthorized", "A valid access token is required."));
        }
        if (!caller.get().isAdmin()) {
            return Optional.of(ApiResponses.problem(403, "Forbidden", "Only the admin group may manage stock."));
        }
        return Optional.empty();
    }

    /** The product named in the path, if it is a well-formed product id. */
    static Optional<ProductId> productId(APIGatewayV2HTTPEvent request) {
        Map<String, String> path = request.getPathParameters();
        String value = path == null ? null : path.get("productId");
        return ProductId.isWellFormed(value) ? Optional.of(new ProductId(value)) : Optional.empty();
    }

    /** The 400 problem for a malformed product id in the path. */
    static APIGatewayV2HTTPResponse malformedProductId() {
        return ApiResponses.problem(400, "Invalid request", "The product id in the path is malformed.",
                List.of(new ApiResponses.Violation("productId",
                        "must be 1 to 128 letters, digits or . _ : - (path parameter)")));
    }

    /** The request body as text; HTTP APIs base64-encode bodies they consider binary. */
    static String body(APIGatewayV2HTTPEvent request) {
        String body = request.getBody();
        if (body != null && request.getIsBase64Encoded()) {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return body;
    }
}
