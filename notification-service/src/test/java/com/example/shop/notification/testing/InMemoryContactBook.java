package com.example.shop.notification.testing;

import com.example.shop.notification.domain.ContactBook;
import com.example.shop.notification.domain.CustomerContact;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Contacts in a map, keyed by order like the DynamoDB adapter. */
public final class InMemoryContactBook implements ContactBook {

    private final Map<String, CustomerContact> contacts = new HashMap<>();

    @Override
    public synchronized void remember(CustomerContact contact) {
        contacts.put(contact.orderId(), contact);
    }

    @Override
    public synchronized Optional<CustomerContact> find(String orderId) {
        return Optional.ofNullable(contacts.get(orderId));
    }

    public synchronized int size() {
        return contacts.size();
    }
}
