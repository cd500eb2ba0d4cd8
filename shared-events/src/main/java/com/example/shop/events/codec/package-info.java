/**
 * Turning events into JSON and back, in every shape a consumer receives them.
 *
 * <p>Rule: this is the only place that knows how an event looks on the wire. Jackson stays
 * inside {@link com.example.shop.events.codec.EventCodec}; no Jackson type appears in its public
 * API, and no AWS SDK type is used at all.
 */
package com.example.shop.events.codec;
