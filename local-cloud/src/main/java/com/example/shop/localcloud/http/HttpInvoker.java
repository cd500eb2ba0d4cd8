package com.example.shop.localcloud.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * The Lambda service as the local HTTP API sees it: invoke a function with a payload format 2.0
 * event and hand back its response.
 */
@FunctionalInterface
public interface HttpInvoker {

    /**
     * Invokes one function synchronously.
     *
     * @param functionLogicalId the route integration's function, by its template logical id
     * @param event             the request as API Gateway would deliver it
     * @return the function's response
     * @throws Exception when the function fails; the API answers 500 without the exception's text
     */
    APIGatewayV2HTTPResponse invoke(String functionLogicalId, APIGatewayV2HTTPEvent event) throws Exception;
}
