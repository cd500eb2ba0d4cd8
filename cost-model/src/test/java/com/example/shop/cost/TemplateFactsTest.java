package com.example.shop.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the cost model reads from the template's text: memory sizes and which functions a queue triggers. */
class TemplateFactsTest {

    private static final String TEMPLATE = """
            Globals:
              Function:
                MemorySize: 512
            Resources:
              ReserveStockFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    OrderPlaced:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt ReserveStockQueue.Arn
              OrderOutboxFunction:
                Type: AWS::Serverless::Function
                Properties:
                  MemorySize: 1024
                  Events:
                    OrdersStream:
                      Type: DynamoDB
                      Properties:
                        DestinationConfig:
                          OnFailure:
                            Type: SQS
                            Destination: !GetAtt OrderOutboxFailureQueue.Arn
              OrderOutboxFailureQueue:
                Type: AWS::SQS::Queue
            """;

    @Test
    void a_queue_trigger_makes_a_queue_consumer_and_a_stream_triggers_on_failure_destination_does_not(@TempDir Path dir)
            throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);

        Map<String, Inputs.TemplateFacts> facts = Inputs.template(template);

        assertThat(facts).containsOnlyKeys("ReserveStockFunction", "OrderOutboxFunction");
        assertThat(facts.get("ReserveStockFunction")).isEqualTo(new Inputs.TemplateFacts(512, true));
        assertThat(facts.get("OrderOutboxFunction")).isEqualTo(new Inputs.TemplateFacts(1024, false));
    }

    @Test
    void in_the_shops_template_the_three_stream_consumers_are_not_counted_as_queue_consumers() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Map<String, Inputs.TemplateFacts> facts = Inputs.template(root.resolve("infra/template.yaml"));

        assertThat(facts.get("OrderOutboxFunction").sqs()).isFalse();
        assertThat(facts.get("PublishCatalogEventsFunction").sqs()).isFalse();
        assertThat(facts.get("ProjectCatalogFunction").sqs()).isFalse();
        assertThat(facts.get("ReserveStockFunction").sqs()).isTrue();
        assertThat(facts.values().stream().filter(Inputs.TemplateFacts::sqs).count()).isEqualTo(13);
    }
}
