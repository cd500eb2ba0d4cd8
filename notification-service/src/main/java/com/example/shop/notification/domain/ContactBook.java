package com.example.shop.notification.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The notification service's memory of each order: whom to tell (one {@link CustomerContact} per
 * order, written when the order is placed) and whether a final message has closed the order for
 * progress messages (decision record 0002).
 *
 * <p><b>Why the order's messages take a permission.</b> A cancellation and a late "on its way"
 * can be handled at the same time, by two attempts that know nothing of each other. Each asks
 * this book before it hands its message to the topic, with one conditional write on the order's
 * one entry, so the store decides which came first:
 * <ul>
 *   <li>a final message that ends the order {@link #close}s it; once closed, every
 *       {@link #claimProgress progress claim} is refused, for good;</li>
 *   <li>a progress message (and the order confirmation, so that no final message overtakes it)
 *       holds a claim while it hands its message over and then
 *       {@link #releaseProgress releases} it; while the claim is held, a close (and another
 *       progress claim) is answered {@link HandOver.ProgressInFlight}, so a final message is never
 *       handed over before a progress message that was granted first.</li>
 * </ul>
 * A claim older than {@code staleBefore} belongs to an attempt that died, and no longer holds
 * anything back.
 */
public interface ContactBook {

    /**
     * Remembers the contact of an order; remembering it again changes nothing, and in particular
     * never reopens a closed order.
     */
    void remember(CustomerContact contact);

    /** The contact of an order, or empty when its {@code OrderPlaced} has not been handled yet. */
    Optional<CustomerContact> find(String orderId);

    /**
     * Claims the hand-over of a progress message, atomically: granted only while the order is not
     * closed and no other progress claim is held.
     *
     * @param orderId the order
     * @param notificationId the progress message's notification
     * @param now the claiming attempt's time; it becomes the claim's identity
     * @param staleBefore claims older than this are taken over
     */
    HandOver claimProgress(String orderId, String notificationId, Instant now, Instant staleBefore);

    /**
     * Gives a progress claim back once its message was handed over (or could not be); does
     * nothing if the claim was taken over meanwhile.
     */
    void releaseProgress(String notificationId, HandOver.Granted claim);

    /**
     * Closes the order on behalf of a final message, atomically: granted when the order is open or
     * was closed by this same message before (a repeat); {@link HandOver.Closed} when another
     * final message closed it; {@link HandOver.ProgressInFlight} while a progress claim is held.
     *
     * @param orderId the order
     * @param closure the final message
     * @param now the closing attempt's time
     * @param staleBefore progress claims older than this no longer hold the close back
     */
    HandOver close(String orderId, Closure closure, Instant now, Instant staleBefore);
}
