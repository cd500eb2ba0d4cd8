/**
 * The inventory service's business rules in plain Java: records, typed ids, use cases and ports named
 * in business words. No AWS, Lambda or Jackson type may appear here, and no publisher: a use case
 * records its decision and returns an outcome that {@code Announces} the events to publish.
 */
package com.example.shop.inventory.domain;
