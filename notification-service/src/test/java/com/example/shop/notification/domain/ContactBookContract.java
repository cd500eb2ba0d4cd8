package com.example.shop.notification.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ContactBook} does, the in-memory fake as much as the DynamoDB adapter. */
public abstract class ContactBookContract {

    /** A contact book that knows no order yet. */
    protected abstract ContactBook emptyContactBook();

    @Test
    void a_contact_is_found_by_its_order_however_often_it_was_remembered() {
        ContactBook contacts = emptyContactBook();
        CustomerContact contact = new CustomerContact("order-1", "customer-1", "erika@example.com");

        contacts.remember(contact);
        contacts.remember(contact);

        assertThat(contacts.find("order-1")).contains(contact);
        assertThat(contacts.find("order-2")).isEmpty();
    }

    @Test
    void each_order_keeps_its_own_contact() {
        ContactBook contacts = emptyContactBook();
        CustomerContact erika = new CustomerContact("order-1", "customer-1", "erika@example.com");
        CustomerContact max = new CustomerContact("order-2", "customer-2", "max@example.com");

        contacts.remember(erika);
        contacts.remember(max);

        assertThat(contacts.find("order-1")).contains(erika);
        assertThat(contacts.find("order-2")).contains(max);
    }
}
