/**
 * Routing contract tests: who receives which shop event, proven against {@code infra/template.yaml}
 * itself rather than against a hand-written copy of its routing.
 *
 * <p>{@link com.example.shop.localcloud.contract.EventRulesContractTest} matches every golden event
 * sample, shaped as EventBridge delivers it, against the bus rules with Event Ruler (the matcher
 * EventBridge runs), and {@link com.example.shop.localcloud.contract.SnsFilterPoliciesIT} publishes
 * the notification service's messages to the customer notifications topic on the emulator. The
 * in-memory saga ({@code saga.InMemoryBus}) routes its events with the same
 * {@link com.example.shop.localcloud.contract.ShopBusRouting}, so its stories follow the template too.
 *
 * <p>Rule: each test states its expectations as an explicit table in business terms, and the
 * template has to agree with the table, in both directions: a route the table does not name fails
 * as surely as a missing one. Set {@code -Dcontract.template=<path>} to run them against an edited
 * copy of the template.
 */
package com.example.shop.localcloud.contract;
