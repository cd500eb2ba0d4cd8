package com.example.shop.notification.testing;

import com.example.shop.notification.domain.Closure;
import com.example.shop.notification.domain.ContactBook;
import com.example.shop.notification.domain.CustomerContact;
import com.example.shop.notification.domain.HandOver;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Contacts in a map, keyed by order like the DynamoDB adapter, with its conditional close and claim. */
public final class InMemoryContactBook implements ContactBook {

    /** One order's entry: the contact, what closed it, and the progress claim held on it. */
    private record Entry(CustomerContact contact, Closure closedBy, String progressBy, Instant progressClaimedAt) {

        boolean freshClaim(Instant staleBefore) {
            return progressBy != null && !progressClaimedAt.isBefore(staleBefore);
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized void remember(CustomerContact contact) {
        entries.putIfAbsent(contact.orderId(), new Entry(contact, null, null, null));
    }

    @Override
    public synchronized Optional<CustomerContact> find(String orderId) {
        return Optional.ofNullable(entries.get(orderId)).map(Entry::contact);
    }

    @Override
    public synchronized HandOver claimProgress(String orderId, String notificationId, Instant now,
                                               Instant staleBefore) {
        Entry entry = entries.get(orderId);
        if (entry == null) {
            return new HandOver.ContactUnknown();
        }
        if (entry.closedBy() != null) {
            return new HandOver.Closed(entry.closedBy());
        }
        if (entry.freshClaim(staleBefore)) {
            return new HandOver.ProgressInFlight(entry.progressClaimedAt());
        }
        Instant claimedAt = Instant.ofEpochMilli(now.toEpochMilli());
        entries.put(orderId, new Entry(entry.contact(), null, notificationId, claimedAt));
        return new HandOver.Granted(entry.contact(), claimedAt);
    }

    @Override
    public synchronized void releaseProgress(String notificationId, HandOver.Granted claim) {
        Entry entry = entries.get(claim.contact().orderId());
        if (entry != null && notificationId.equals(entry.progressBy())
                && claim.claimedAt().equals(entry.progressClaimedAt())) {
            entries.put(claim.contact().orderId(), new Entry(entry.contact(), entry.closedBy(), null, null));
        }
    }

    @Override
    public synchronized HandOver close(String orderId, Closure closure, Instant now, Instant staleBefore) {
        Entry entry = entries.get(orderId);
        if (entry == null) {
            return new HandOver.ContactUnknown();
        }
        if (entry.closedBy() != null && !entry.closedBy().notificationId().equals(closure.notificationId())) {
            return new HandOver.Closed(entry.closedBy());
        }
        if (entry.freshClaim(staleBefore)) {
            return new HandOver.ProgressInFlight(entry.progressClaimedAt());
        }
        Closure closedBy = entry.closedBy() != null ? entry.closedBy() : closure;
        entries.put(orderId, new Entry(entry.contact(), closedBy, null, null));
        return new HandOver.Granted(entry.contact(), Instant.ofEpochMilli(now.toEpochMilli()));
    }

    /**
     * Plays another attempt that claimed the hand-over of a progress message of the order at
     * {@code claimedAt} and is still handing it over (or died).
     */
    public synchronized void progressClaimedElsewhere(String orderId, String notificationId, Instant claimedAt) {
        Entry entry = entries.get(orderId);
        entries.put(orderId, new Entry(entry.contact(), entry.closedBy(), notificationId, claimedAt));
    }

    /** The final message that closed the order, if one has. */
    public synchronized Optional<Closure> closedBy(String orderId) {
        return Optional.ofNullable(entries.get(orderId)).map(Entry::closedBy);
    }

    public synchronized int size() {
        return entries.size();
    }
}
