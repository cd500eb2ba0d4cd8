package com.example.shop.localcloud.emulator;

import java.util.List;

/**
 * One e-mail the emulator's SES accepted for sending, as its inspection endpoint shows it.
 *
 * @param destinations every recipient (to, cc, bcc)
 */
public record SentEmail(String source, List<String> destinations, String subject, String body) {

    public SentEmail {
        destinations = List.copyOf(destinations);
    }

    /** Whether {@code address} is among the recipients. */
    public boolean sentTo(String address) {
        return destinations.stream().anyMatch(destination -> destination.contains(address));
    }
}
