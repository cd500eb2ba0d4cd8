/**
 * Lambda entry points of the inventory service, one class per use case. Each has a public no-arg
 * constructor that Lambda (and the local runtime) uses to wire itself from the function's
 * environment, and one package-private constructor taking the collaborators, the observability
 * included, for tests. Handlers parse, call the domain and map the outcome; nothing else. The
 * event consumers never publish themselves: their routes return the use case's outcome and
 * {@code SqsEventConsumer} publishes what it announces.
 */
package com.example.shop.inventory.handler;
