/**
 * In-memory fakes of the order service's ports, each held to the same contract test as the
 * DynamoDB adapter it stands in for, with hooks to play failures (a concurrent writer). Published
 * in the module's test-jar for other modules' tests (the saga scenario).
 */
package com.example.shop.order.testing;
