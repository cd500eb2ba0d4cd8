package com.example.shop.notification.adapter;

import com.example.shop.notification.domain.OutgoingEmail;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SesV2EmailSenderTest {

    private final List<SendEmailRequest> requests = new ArrayList<>();
    private final SesV2Client ses = new SesV2Client() {
        @Override
        public SendEmailResponse sendEmail(SendEmailRequest request) {
            requests.add(request);
            return SendEmailResponse.builder().messageId("ses-1").build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    };

    @Test
    void an_email_is_sent_as_simple_utf8_text_from_the_shops_address() {
        String messageId = new SesV2EmailSender(ses, "shop@example.com")
                .send(new OutgoingEmail("erika@example.com", "Größe", "Straße\n"));

        assertThat(messageId).isEqualTo("ses-1");
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.fromEmailAddress()).isEqualTo("shop@example.com");
            assertThat(request.destination().toAddresses()).containsExactly("erika@example.com");
            assertThat(request.content().simple().subject().data()).isEqualTo("Größe");
            assertThat(request.content().simple().subject().charset()).isEqualTo("UTF-8");
            assertThat(request.content().simple().body().text().data()).isEqualTo("Straße\n");
            assertThat(request.content().simple().body().text().charset()).isEqualTo("UTF-8");
            assertThat(request.content().simple().body().html()).isNull();
        });
    }
}
