package com.example.shop.localcloud.e2e;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.backend.Backend;
import com.example.shop.localcloud.deploy.LocalDeployer;
import com.example.shop.localcloud.emulator.EmulatorExtension;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Archive;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rows of the fidelity matrix (docs/emulators.md) that no saga story shows: the archive, and
 * CloudFormation's template size limit. Run on every backend; where an emulator cannot hold a
 * promise the test says so by name (an assumption naming the gap), never by a weaker assertion.
 */
class EmulatorFidelityIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static Shop shop;

    @BeforeAll
    static void start() {
        var template = PythonEnvironment.locate().root().resolve("infra/template.yaml");
        shop = new Shop(LocalCloud.startOn(EMULATOR.emulator(), EMULATOR.python(), LocalCloud.Options.forTemplate(template)));
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
            shop.cloud.close();
        }
    }

    @Test
    void the_archive_exists_on_the_bus_and_records_the_shop_events() {
        String product = shop.newProduct(700, 3);
        String customer = shop.newCustomer();
        shop.awaitStatus(customer, shop.placeOrder(customer, "pm-card-visa", product, 1), "SHIPPED");

        try (EventBridgeClient events = shop.cloud.clients().build(EventBridgeClient.builder())) {
            String busArn = events.describeEventBus(r -> r.name(shop.cloud.system().resource("ShopEventBus"))).arn();
            Archive archive = events.listArchives(r -> r.eventSourceArn(busArn)).archives().stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no archive on " + busArn));
            assertThat(archive.stateAsString()).isEqualTo("ENABLED");
            assertThat(events.describeArchive(r -> r.archiveName(archive.archiveName())).eventCount())
                    .as("events recorded by the archive").isPositive();
        }
    }

    @Test
    void the_stack_template_is_read_from_the_emulators_s3() {
        try (S3Client s3 = shop.cloud.clients().build(S3Client.builder().forcePathStyle(true))) {
            long bytes = s3.headObject(r -> r.bucket(LocalDeployer.DEFAULT_STACK_NAME + "-templates")
                    .key(LocalDeployer.DEFAULT_STACK_NAME + "/template.json")).contentLength();
            System.out.printf("Stack template on the emulator's S3: %,d bytes (TemplateBody takes at most %,d)%n",
                    bytes, LocalDeployer.TEMPLATE_BODY_LIMIT_BYTES);
            assertThat(bytes).as("within the 1 MB CloudFormation reads from S3").isLessThan(1_000_000);
        }
    }

    @Test
    void a_template_body_over_51200_bytes_is_refused_as_on_aws() {
        Assumptions.assumeFalse(EMULATOR.backend() == Backend.MOTO,
                "moto 5.2 does not enforce CloudFormation's 51,200-byte TemplateBody limit");
        String padding = "x".repeat(LocalDeployer.TEMPLATE_BODY_LIMIT_BYTES);
        String body = "{\"Description\":\"" + padding + "\",\"Resources\":{\"Q\":{\"Type\":\"AWS::SQS::Queue\"}}}";
        try (CloudFormationClient cloudFormation = shop.cloud.clients().build(CloudFormationClient.builder())) {
            assertThatThrownBy(() -> cloudFormation.createStack(r -> r.stackName("too-big").templateBody(body)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        }
    }
}
