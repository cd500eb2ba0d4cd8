/**
 * The AWS side of the event contract: publishing envelopes to an EventBridge bus.
 *
 * <p>Rule: this is the only package of {@code shared-events} that may import the AWS SDK
 * (enforced by an architecture test). It depends on the contract and the codec, never the other
 * way round; the SDK client is built by each service's wiring and passed in.
 */
package com.example.shop.events.adapter;
