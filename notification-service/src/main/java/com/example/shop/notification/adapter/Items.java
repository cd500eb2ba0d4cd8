package com.example.shop.notification.adapter;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** Reading attributes out of the notification table's items, failing loudly on a malformed item. */
final class Items {

    private Items() {
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("item " + pkOf(item) + " has no string attribute " + name);
        }
        return value.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("item " + pkOf(item) + " has no number attribute " + name);
        }
        return Long.parseLong(value.n());
    }

    private static String pkOf(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get("pk");
        return pk == null ? "(no pk)" : pk.s();
    }
}
