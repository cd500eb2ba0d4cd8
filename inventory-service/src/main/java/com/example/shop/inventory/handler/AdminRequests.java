package com.example.shop.inventory.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.inventory.domain.ProductId;
import com.example.shop.platform.ApiResponses;
import com.example.shop.platform.HttpRequests;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one path of the inventory API's admin routes ({@code /inventory/{productId}...}): only the
 * {@code admin} group may call them (401 without a verified caller, 403 for anyone else), and the
 * product comes from the {@code {productId}} path segment (400 when it is malformed). Each route
 * answers only for a well-formed product of an admin.
 */
final class AdminRequests {

    private AdminRequests() {
    }

    /**
     * The route's answer for the product in the path, unless the caller is not an admin or the
     * product id is malformed, which are refused before the route runs.
     */
    static APIGatewayV2HTTPResponse forProduct(APIGatewayV2HTTPEvent request,
                                               Function<ProductId, APIGatewayV2HTTPResponse> route) {
        return HttpRequests.refuseUnlessAdmin(request, "manage stock")
                .orElseGet(() -> productId(request).map(route).orElseGet(AdminRequests::malformedProductId));
    }

    private static Optional<ProductId> productId(APIGatewayV2HTTPEvent request) {
        return HttpRequests.pathParameter(request, "productId").filter(ProductId::isWellFormed).map(ProductId::new);
    }

    private static APIGatewayV2HTTPResponse malformedProductId() {
        return ApiResponses.problem(400, "Invalid request", "The product id in the path is malformed.",
                List.of(new ApiResponses.Violation("productId",
                        "must be 1 to 128 letters, digits or . _ : - (path parameter)")));
    }
}
