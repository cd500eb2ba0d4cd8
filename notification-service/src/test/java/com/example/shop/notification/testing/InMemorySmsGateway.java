package com.example.shop.notification.testing;

import com.example.shop.notification.domain.SmsGateway;
import com.example.shop.notification.domain.TextMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Texts recorded once per notification id, like the DynamoDB stand-in gateway. */
public final class InMemorySmsGateway implements SmsGateway {

    private final Map<String, TextMessage> texts = new LinkedHashMap<>();

    @Override
    public synchronized boolean sendOnce(TextMessage message) {
        return texts.putIfAbsent(message.notificationId(), message) == null;
    }

    public synchronized List<TextMessage> texts() {
        return List.copyOf(texts.values());
    }
}
