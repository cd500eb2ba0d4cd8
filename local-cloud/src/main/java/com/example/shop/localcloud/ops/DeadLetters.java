package com.example.shop.localcloud.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shop's queues as an operator sees them, and the runbook's one operation on a dead-letter
 * queue: redrive it to the queue its messages failed on ({@code docs/runbooks/redrive-a-dlq.md},
 * step 4).
 *
 * <p>The redrive is SQS's {@code StartMessageMoveTask} without a destination, exactly what the
 * runbook runs on AWS. Neither default emulator implements it (moto 5.2 answers HTTP 500,
 * MiniStack 1.5 refuses the action: {@code Backend.runsMessageMoveTasks()}), so on them the move is
 * made here instead, the way the runbook's {@code move_messages} does it by hand: receive from the
 * DLQ, send each body with its message attributes to the queue it failed on
 * ({@code DeadLetterQueueSourceArn}, else the DLQ's only source), delete it from the DLQ.
 * {@link Redriven#how()} says which of the two happened; {@code docs/emulators.md} lists the gap.
 */
public final class DeadLetters {

    /** How a redrive was done. */
    public enum How {
        /** The emulator ran SQS's {@code StartMessageMoveTask}: the move goes on asynchronously. */
        MESSAGE_MOVE_TASK,
        /** The emulator has no move task; the messages were moved here, one by one, before answering. */
        LOCAL_MOVE
    }

    /**
     * One queue of the stack.
     *
     * @param logicalId its logical id in the template, or its name when the template has none
     * @param name      its name
     * @param url       its URL
     * @param arn       its ARN
     * @param visible   messages waiting to be received
     * @param inFlight  messages received and neither deleted nor visible again yet
     * @param dlq       its dead-letter queue, if its redrive policy names one
     */
    public record Queue(String logicalId, String name, String url, String arn, int visible, int inFlight,
                        Optional<DeadLetterQueue> dlq) {
    }

    /**
     * A dead-letter queue as seen from its source queue.
     *
     * @param name            its name
     * @param visible         messages in it, waiting to be looked at and redriven
     * @param maxReceiveCount receives on the source queue before a message moves here
     */
    public record DeadLetterQueue(String name, int visible, int maxReceiveCount) {
    }

    /**
     * What one redrive did.
     *
     * @param deadLetterQueue the DLQ's name
     * @param destinations    the queues the messages went back to
     * @param moved           messages moved ({@link How#LOCAL_MOVE}); for a move task, those in
     *                        the DLQ when it started
     * @param how             by the emulator's move task or here
     * @param taskHandle      the move task's handle, empty for a local move
     */
    public record Redriven(String deadLetterQueue, List<String> destinations, int moved, How how,
                           Optional<String> taskHandle) {
    }

    /** A name that is no queue, or a queue that is neither a dead-letter queue nor one with a DLQ. */
    public static final class NotRedrivable extends RuntimeException {
        private final boolean noSuchQueue;

        NotRedrivable(String message, boolean noSuchQueue) {
            super(message);
            this.noSuchQueue = noSuchQueue;
        }

        /** Whether the name is no queue at all. */
        public boolean noSuchQueue() {
            return noSuchQueue;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SqsClient sqs;
    private final Map<String, String> resources;
    private final boolean moveTasks;

    /**
     * @param sqs       a client on the emulator (the caller closes it)
     * @param resources the stack's physical ids by logical id ({@code LocalSystem.resources()}),
     *                  to name each queue as the template does
     * @param moveTasks whether the emulator runs {@code StartMessageMoveTask}; if not, the messages
     *                  are moved here
     */
    public DeadLetters(SqsClient sqs, Map<String, String> resources, boolean moveTasks) {
        this.sqs = sqs;
        this.resources = Map.copyOf(resources);
        this.moveTasks = moveTasks;
    }

    /** Every queue on the emulator, by name, with its depth and its DLQ's. */
    public List<Queue> queues() {
        List<Raw> raw = sqs.listQueuesPaginator(r -> r.maxResults(1000)).queueUrls().stream().map(this::read).toList();
        List<Queue> queues = new ArrayList<>();
        for (Raw queue : raw) {
            Optional<DeadLetterQueue> dlq = queue.deadLetterTargetArn().flatMap(arn -> raw.stream()
                    .filter(other -> other.arn().equals(arn)).findFirst()
                    .map(other -> new DeadLetterQueue(other.name(), other.visible(), queue.maxReceiveCount())));
            queues.add(new Queue(logicalIdOf(queue.name()), queue.name(), queue.url(), queue.arn(), queue.visible(),
                    queue.inFlight(), dlq));
        }
        queues.sort(Comparator.comparing(Queue::name));
        return queues;
    }

    /**
     * Redrives a dead-letter queue to the queue(s) its messages failed on.
     *
     * @param queue the DLQ, or a queue whose DLQ to redrive; by name or by logical id
     * @throws NotRedrivable when it is neither
     */
    public Redriven redrive(String queue) {
        List<Queue> all = queues();
        Queue named = all.stream().filter(q -> q.name().equals(queue) || q.logicalId().equals(queue)).findFirst()
                .orElseThrow(() -> new NotRedrivable("No queue named " + queue, true));
        List<Queue> sources = all.stream().filter(q -> q.dlq().map(d -> d.name().equals(named.name())).orElse(false))
                .toList();
        Queue dlq = named;
        if (sources.isEmpty()) {
            if (named.dlq().isEmpty()) {
                throw new NotRedrivable(named.name() + " is no queue's dead-letter queue and has none of its own", false);
            }
            String dlqName = named.dlq().get().name();
            dlq = all.stream().filter(q -> q.name().equals(dlqName)).findFirst().orElseThrow();
            sources = List.of(named);
        }
        Queue deadLetters = dlq;
        List<String> destinations = sources.stream().map(Queue::name).toList();
        if (moveTasks) {
            String handle = sqs.startMessageMoveTask(r -> r.sourceArn(deadLetters.arn())).taskHandle();
            return new Redriven(deadLetters.name(), destinations, deadLetters.visible(), How.MESSAGE_MOVE_TASK,
                    Optional.ofNullable(handle));
        }
        return new Redriven(deadLetters.name(), destinations, moveHere(deadLetters, sources), How.LOCAL_MOVE,
                Optional.empty());
    }

    /** The emulator's stand-in for a move task: every message back to the queue it failed on. */
    private int moveHere(Queue dlq, List<Queue> sources) {
        int moved = 0;
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(dlq.url()).maxNumberOfMessages(10)
                    .visibilityTimeout(60).waitTimeSeconds(0).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN)).messages();
            if (batch.isEmpty()) {
                return moved;
            }
            for (Message message : batch) {
                Queue destination = destinationOf(message, sources);
                sqs.sendMessage(r -> r.queueUrl(destination.url()).messageBody(message.body())
                        .messageAttributes(message.messageAttributes()));
                sqs.deleteMessage(r -> r.queueUrl(dlq.url()).receiptHandle(message.receiptHandle()));
                moved++;
            }
        }
    }

    private static Queue destinationOf(Message message, List<Queue> sources) {
        String sourceArn = message.attributes().get(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN);
        if (sourceArn != null) {
            Optional<Queue> source = sources.stream().filter(q -> q.arn().equals(sourceArn)).findFirst();
            if (source.isPresent()) {
                return source.get();
            }
        }
        if (sources.size() == 1) {
            return sources.getFirst();
        }
        throw new IllegalStateException("Message " + message.messageId() + " does not say which of "
                + sources.stream().map(Queue::name).toList() + " it failed on");
    }

    private record Raw(String name, String url, String arn, int visible, int inFlight,
                       Optional<String> deadLetterTargetArn, int maxReceiveCount) {
    }

    private Raw read(String url) {
        Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings(
                QueueAttributeName.QUEUE_ARN.toString(), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES.toString(),
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE.toString(),
                QueueAttributeName.REDRIVE_POLICY.toString())).attributesAsStrings();
        String redrive = attributes.get(QueueAttributeName.REDRIVE_POLICY.toString());
        Optional<String> target = Optional.empty();
        int maxReceiveCount = 0;
        if (redrive != null && !redrive.isBlank()) {
            try {
                JsonNode policy = JSON.readTree(redrive);
                target = Optional.of(policy.path("deadLetterTargetArn").asText()).filter(arn -> !arn.isBlank());
                maxReceiveCount = policy.path("maxReceiveCount").asInt();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("The redrive policy of " + url + " is not JSON: " + redrive, e);
            }
        }
        return new Raw(url.substring(url.lastIndexOf('/') + 1), url, attributes.get(QueueAttributeName.QUEUE_ARN.toString()),
                Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES.toString(), "0")),
                Integer.parseInt(attributes.getOrDefault(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE.toString(), "0")),
                target, maxReceiveCount);
    }

    private String logicalIdOf(String name) {
        return resources.entrySet().stream()
                .filter(e -> e.getValue().equals(name) || e.getValue().endsWith("/" + name))
                .map(Map.Entry::getKey).findFirst().orElse(name);
    }
}
