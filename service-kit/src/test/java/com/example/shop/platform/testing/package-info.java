/**
 * Test fixtures every service's tests share, published in service-kit's test-jar: a fake Lambda
 * context, a capture of standard output (logs and embedded metrics), an in-memory event bus, a
 * clock that stands still until moved, predictable ids, and a handler's observability. Event
 * builders live with the contract, in shared-events' test-jar ({@code SampleEvents}).
 */
package com.example.shop.platform.testing;
