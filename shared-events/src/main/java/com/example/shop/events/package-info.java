/**
 * The event contract of the shop: the facts services announce to each other, their envelope and
 * the registry of types and versions.
 *
 * <p>Rule: plain Java only. Nothing here imports AWS, Lambda or Jackson types, so every
 * service's domain can depend on these records. Events are immutable records named as
 * past-tense facts, validated in their compact constructors; changes are additive or get a new
 * version in {@link com.example.shop.events.EventTypes}.
 */
package com.example.shop.events;
