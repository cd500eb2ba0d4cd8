package com.example.shop.notification.testing;

import com.example.shop.notification.domain.Claim;
import com.example.shop.notification.domain.DeliveryLog;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The delivery log in a map, with the conditional claim of the DynamoDB adapter. */
public final class InMemoryDeliveryLog implements DeliveryLog {

    private record Entry(String status, Instant claimedAt, String providerMessageId, Instant sentAt) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public synchronized Claim claim(String notificationId, Instant now, Instant staleBefore) {
        Entry existing = entries.get(notificationId);
        if (existing == null || (existing.status().equals("SENDING") && existing.claimedAt().isBefore(staleBefore))) {
            entries.put(notificationId, new Entry("SENDING", now, null, null));
            return new Claim.Granted(now);
        }
        return existing.status().equals("SENT")
                ? new Claim.AlreadySent(existing.providerMessageId(), existing.sentAt())
                : new Claim.HeldElsewhere(existing.claimedAt());
    }

    @Override
    public synchronized void markSent(String notificationId, Claim.Granted claim, String providerMessageId,
                                      Instant sentAt) {
        entries.put(notificationId, new Entry("SENT", claim.claimedAt(), providerMessageId, sentAt));
    }

    @Override
    public synchronized void release(String notificationId, Claim.Granted claim) {
        Entry existing = entries.get(notificationId);
        if (existing != null && existing.status().equals("SENDING") && existing.claimedAt().equals(claim.claimedAt())) {
            entries.remove(notificationId);
        }
    }

    /** Plays another attempt that claimed the notification at {@code claimedAt} and is still sending (or died). */
    public synchronized void claimedElsewhere(String notificationId, Instant claimedAt) {
        entries.put(notificationId, new Entry("SENDING", claimedAt, null, null));
    }

    /** The status recorded for a notification: SENDING, SENT, or null when there is none. */
    public synchronized String status(String notificationId) {
        Entry entry = entries.get(notificationId);
        return entry == null ? null : entry.status();
    }
}
