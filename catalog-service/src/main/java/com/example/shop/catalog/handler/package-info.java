/**
 * Lambda entry points of the catalog service, one class per use case. Each has a public no-arg
 * constructor that Lambda (and the local runtime) uses to wire itself from the function's
 * environment, and one package-private constructor taking its collaborators, the Observability
 * included, for tests. Handlers parse, call the domain and map the outcome; nothing else.
 */
package com.example.shop.catalog.handler;
