/**
 * Fault injection for the local cloud: a switch ({@link com.example.shop.localcloud.faults.FaultInjection})
 * that makes a share of one function's (or every function's) invocations throw or time out, or
 * its AWS calls be throttled, so that retries, dead-letter queues, alarms and idempotency can be
 * watched working. The rule: a fault is injected where AWS would produce it (around the handler,
 * as Lambda; on a call attempt, as the service), never inside the services' code, and an
 * injected failure always says so in its message.
 */
package com.example.shop.localcloud.faults;
