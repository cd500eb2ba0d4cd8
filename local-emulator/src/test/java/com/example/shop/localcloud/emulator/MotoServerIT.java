package com.example.shop.localcloud.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A moto server of its own (not the shared one), to watch its whole life. */
class MotoServerIT {

    @Test
    void starts_on_loopback_answers_the_sdk_resets_to_empty_and_stops_on_close() {
        MotoServer moto = MotoServer.start();
        try (moto; SqsClient sqs = new AwsClients(moto.endpoint()).build(SqsClient.builder())) {
            assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(moto.logFile()).exists().hasFileName("moto-" + moto.port() + ".log");

            sqs.createQueue(r -> r.queueName("orders"));
            assertThat(sqs.listQueues().queueUrls()).hasSize(1);

            moto.reset();
            assertThat(sqs.listQueues().queueUrls()).isEmpty();
        }

        assertThat(moto.isRunning()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", moto.port()).close()).isInstanceOf(IOException.class);
    }
}
