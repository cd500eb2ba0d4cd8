/**
 * The catalog service's business rules in plain Java: records, typed ids, use cases and ports named
 * in business words. No AWS, Lambda or Jackson type may appear here.
 */
package com.example.shop.catalog.domain;
