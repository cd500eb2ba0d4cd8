/**
 * The local HTTP API: a JDK {@code HttpServer} that plays API Gateway's HTTP API in front of the
 * real handlers. The rule: it speaks payload format 2.0 exactly as API Gateway does, in both
 * directions, so a handler cannot tell it from the deployed API. Route choice, the JWT authorizer
 * (before any invocation), the event's fields and the 401/404/500 bodies all follow API Gateway;
 * anything that exists only for development lives under {@code /_local/} and never collides with
 * the template's routes.
 */
package com.example.shop.localcloud.http;
