package com.example.shop.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ContactBook} does, the in-memory fake as much as the DynamoDB adapter: one
 * contact per order, and the final-message rule's permissions (decision record 0002): a closed
 * order refuses progress messages for good, a progress message being handed over holds the close
 * back until it is released, whichever of the two comes first; an abandoned claim holds nothing
 * back; an order is closed once, by one final message.
 */
public abstract class ContactBookContract {

    private static final Instant T0 = Instant.parse("2026-11-27T10:15:36.123Z");
    private static final CustomerContact ERIKA = new CustomerContact("order-1", "customer-1", "erika@example.com");
    private static final Closure CANCELLED = new Closure("n-cancelled", "OrderCancelled");

    /** A contact book that knows no order yet. */
    protected abstract ContactBook emptyContactBook();

    private static Instant staleBefore(Instant now) {
        return now.minusSeconds(60);
    }

    private ContactBook knowingErika() {
        ContactBook contacts = emptyContactBook();
        contacts.remember(ERIKA);
        return contacts;
    }

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

    @Test
    void an_order_whose_contact_is_unknown_grants_neither_a_progress_claim_nor_a_close() {
        ContactBook contacts = emptyContactBook();

        assertThat(contacts.claimProgress("order-1", "n-charged", T0, staleBefore(T0)))
                .isEqualTo(new HandOver.ContactUnknown());
        assertThat(contacts.close("order-1", CANCELLED, T0, staleBefore(T0))).isEqualTo(new HandOver.ContactUnknown());
        assertThat(contacts.find("order-1")).isEmpty();
    }

    @Test
    void an_open_order_grants_progress_claims_one_at_a_time_with_its_contact() {
        ContactBook contacts = knowingErika();

        HandOver charged = contacts.claimProgress("order-1", "n-charged", T0, staleBefore(T0));
        HandOver shipped = contacts.claimProgress("order-1", "n-shipped", T0.plusMillis(5), staleBefore(T0.plusMillis(5)));

        assertThat(charged).isEqualTo(new HandOver.Granted(ERIKA, T0));
        assertThat(shipped).isEqualTo(new HandOver.ProgressInFlight(T0));

        contacts.releaseProgress("n-charged", (HandOver.Granted) charged);

        assertThat(contacts.claimProgress("order-1", "n-shipped", T0.plusMillis(9), staleBefore(T0.plusMillis(9))))
                .isEqualTo(new HandOver.Granted(ERIKA, T0.plusMillis(9)));
    }

    @Test
    void a_close_before_a_progress_claim_refuses_the_claim_for_good() {
        ContactBook contacts = knowingErika();

        HandOver closed = contacts.close("order-1", CANCELLED, T0, staleBefore(T0));

        assertThat(closed).isEqualTo(new HandOver.Granted(ERIKA, T0));
        Instant later = T0.plusSeconds(3600);
        assertThat(contacts.claimProgress("order-1", "n-shipped", later, staleBefore(later)))
                .isEqualTo(new HandOver.Closed(CANCELLED));
    }

    @Test
    void a_progress_claim_before_a_close_holds_the_close_back_until_it_is_released() {
        ContactBook contacts = knowingErika();
        HandOver.Granted shipped = (HandOver.Granted) contacts.claimProgress("order-1", "n-shipped", T0, staleBefore(T0));

        HandOver heldBack = contacts.close("order-1", CANCELLED, T0.plusMillis(5), staleBefore(T0.plusMillis(5)));
        contacts.releaseProgress("n-shipped", shipped);
        HandOver closed = contacts.close("order-1", CANCELLED, T0.plusMillis(9), staleBefore(T0.plusMillis(9)));

        assertThat(heldBack).isEqualTo(new HandOver.ProgressInFlight(T0));
        assertThat(closed).isEqualTo(new HandOver.Granted(ERIKA, T0.plusMillis(9)));
        assertThat(contacts.claimProgress("order-1", "n-shipped", T0.plusMillis(12), staleBefore(T0.plusMillis(12))))
                .as("the redelivered progress message after the close").isEqualTo(new HandOver.Closed(CANCELLED));
    }

    @Test
    void an_abandoned_progress_claim_no_longer_holds_the_close_back_and_its_late_release_changes_nothing() {
        ContactBook contacts = knowingErika();
        HandOver.Granted dead = (HandOver.Granted) contacts.claimProgress("order-1", "n-shipped", T0, staleBefore(T0));

        Instant later = T0.plusSeconds(61);
        HandOver closed = contacts.close("order-1", CANCELLED, later, staleBefore(later));
        contacts.releaseProgress("n-shipped", dead);

        assertThat(closed).isEqualTo(new HandOver.Granted(ERIKA, later));
        assertThat(contacts.claimProgress("order-1", "n-shipped", later.plusSeconds(1), staleBefore(later.plusSeconds(1))))
                .isEqualTo(new HandOver.Closed(CANCELLED));
    }

    @Test
    void an_abandoned_progress_claim_is_taken_over_and_only_its_owner_can_release_it() {
        ContactBook contacts = knowingErika();
        HandOver.Granted dead = (HandOver.Granted) contacts.claimProgress("order-1", "n-charged", T0, staleBefore(T0));

        Instant later = T0.plusSeconds(61);
        HandOver takeover = contacts.claimProgress("order-1", "n-charged", later, staleBefore(later));
        contacts.releaseProgress("n-charged", dead);

        assertThat(takeover).isEqualTo(new HandOver.Granted(ERIKA, later));
        assertThat(contacts.close("order-1", CANCELLED, later.plusSeconds(1), staleBefore(later.plusSeconds(1))))
                .isEqualTo(new HandOver.ProgressInFlight(later));
    }

    @Test
    void an_order_is_closed_once_by_one_final_message_whose_repeat_is_granted_again() {
        ContactBook contacts = knowingErika();
        Closure shipmentFailed = new Closure("n-shipment-failed", "ShipmentFailed");

        HandOver first = contacts.close("order-1", shipmentFailed, T0, staleBefore(T0));
        HandOver repeat = contacts.close("order-1", shipmentFailed, T0.plusSeconds(1), staleBefore(T0.plusSeconds(1)));
        HandOver another = contacts.close("order-1", CANCELLED, T0.plusSeconds(2), staleBefore(T0.plusSeconds(2)));

        assertThat(first).isEqualTo(new HandOver.Granted(ERIKA, T0));
        assertThat(repeat).isEqualTo(new HandOver.Granted(ERIKA, T0.plusSeconds(1)));
        assertThat(another).isEqualTo(new HandOver.Closed(shipmentFailed));
    }

    @Test
    void remembering_the_contact_again_never_reopens_a_closed_order() {
        ContactBook contacts = knowingErika();
        contacts.close("order-1", CANCELLED, T0, staleBefore(T0));

        contacts.remember(ERIKA);

        assertThat(contacts.find("order-1")).contains(ERIKA);
        assertThat(contacts.claimProgress("order-1", "n-shipped", T0.plusSeconds(1), staleBefore(T0.plusSeconds(1))))
                .isEqualTo(new HandOver.Closed(CANCELLED));
    }

    @Test
    void closing_one_order_leaves_the_others_open() {
        ContactBook contacts = knowingErika();
        CustomerContact max = new CustomerContact("order-2", "customer-2", "max@example.com");
        contacts.remember(max);

        contacts.close("order-1", CANCELLED, T0, staleBefore(T0));

        assertThat(contacts.claimProgress("order-2", "n-shipped", T0, staleBefore(T0)))
                .isEqualTo(new HandOver.Granted(max, T0));
    }
}
