package com.example.shop.notification.testing;

import com.example.shop.notification.domain.EmailSender;
import com.example.shop.notification.domain.OutgoingEmail;

import java.util.ArrayList;
import java.util.List;

/** Records every e-mail handed to it; can be told to refuse the next sends, as a failing mail service would. */
public final class RecordingEmailSender implements EmailSender {

    private final List<OutgoingEmail> sent = new ArrayList<>();
    private int failuresToCome;

    @Override
    public synchronized String send(OutgoingEmail email) {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new IllegalStateException("simulated mail service failure");
        }
        sent.add(email);
        return "ses-message-" + sent.size();
    }

    public synchronized void failNext(int times) {
        failuresToCome = times;
    }

    public synchronized List<OutgoingEmail> sent() {
        return List.copyOf(sent);
    }
}
