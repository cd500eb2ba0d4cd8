package com.example.shop.localcloud.ops;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template's queue-depth alarms ({@code shop-<stage>-<Queue>-not-empty}, on
 * {@code AWS/SQS ApproximateNumberOfMessagesVisible} by {@code QueueName}), evaluated the way
 * CloudWatch would, against the queues' depth now.
 *
 * <p>Why the local cloud does it: on AWS, SQS publishes each queue's depth to CloudWatch every
 * minute and CloudWatch evaluates the alarm and notifies its actions. No emulator publishes SQS's
 * metrics, and MiniStack 1.5, which evaluates alarms on {@code PutMetricData}, pools the
 * data points of every queue regardless of the {@code QueueName} dimension, so one queue's
 * depth would set every queue's alarm. So this one place reads each alarm's definition from the
 * emulator, compares the depth of the queue its dimension names with its threshold, and sets the
 * alarm's state on the emulator with {@code SetAlarmState} when it changes. On MiniStack that
 * also notifies the alarm's actions (the ops alerts topic), as CloudWatch would. It runs every
 * {@link #PERIOD} (the alarms' own period) and on demand ({@link #evaluate()}).
 * {@code docs/emulators.md} lists the gap.
 */
public final class QueueAlarms implements AutoCloseable {

    /** How often the alarms are evaluated: their {@code Period}. */
    public static final Duration PERIOD = Duration.ofSeconds(60);

    private static final System.Logger LOG = System.getLogger(QueueAlarms.class.getName());
    private static final String NAMESPACE = "AWS/SQS";
    private static final Map<String, QueueAttributeName> METRICS = Map.of(
            "ApproximateNumberOfMessagesVisible", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            "ApproximateNumberOfMessagesNotVisible", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            "ApproximateNumberOfMessagesDelayed", QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

    /**
     * One alarm as evaluated.
     *
     * @param alarmName its name
     * @param queue     the queue its dimension names
     * @param value     the queue's depth now
     * @param state     the state it is in now
     * @param changed   whether this evaluation changed it
     */
    public record Evaluated(String alarmName, String queue, int value, StateValue state, boolean changed) {
    }

    private final CloudWatchClient cloudWatch;
    private final SqsClient sqs;
    private final Thread ticker;

    private QueueAlarms(CloudWatchClient cloudWatch, SqsClient sqs, boolean periodic) {
        this.cloudWatch = cloudWatch;
        this.sqs = sqs;
        this.ticker = periodic ? Thread.ofVirtual().name("queue-alarms").start(this::everyPeriod) : null;
    }

    /** Evaluates on demand only; the caller closes the clients. */
    public static QueueAlarms onDemand(CloudWatchClient cloudWatch, SqsClient sqs) {
        return new QueueAlarms(cloudWatch, sqs, false);
    }

    /** Evaluates every {@link #PERIOD} until closed, and on demand; the caller closes the clients. */
    public static QueueAlarms start(CloudWatchClient cloudWatch, SqsClient sqs) {
        return new QueueAlarms(cloudWatch, sqs, true);
    }

    /** Evaluates every queue-depth alarm now and returns them, by name. */
    public synchronized List<Evaluated> evaluate() {
        List<Evaluated> evaluated = new ArrayList<>();
        for (MetricAlarm alarm : cloudWatch.describeAlarmsPaginator(r -> r.maxRecords(100)).metricAlarms()) {
            QueueAttributeName attribute = METRICS.get(alarm.metricName());
            Optional<String> queue = alarm.dimensions().stream().filter(d -> d.name().equals("QueueName"))
                    .map(Dimension::value).findFirst();
            if (!NAMESPACE.equals(alarm.namespace()) || attribute == null || queue.isEmpty()) {
                continue;
            }
            int value = depth(queue.get(), attribute);
            StateValue state = breaches(value, alarm) ? StateValue.ALARM : StateValue.OK;
            boolean changed = state != alarm.stateValue();
            if (changed) {
                cloudWatch.setAlarmState(r -> r.alarmName(alarm.alarmName()).stateValue(state).stateReason(
                        "Threshold Crossed: " + alarm.metricName() + " of " + queue.get() + " was " + value + " ("
                                + alarm.comparisonOperatorAsString() + " " + alarm.threshold()
                                + "), evaluated by the local cloud"));
            }
            evaluated.add(new Evaluated(alarm.alarmName(), queue.get(), value, state, changed));
        }
        return evaluated;
    }

    private int depth(String queueName, QueueAttributeName attribute) {
        String url = sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(attribute))
                .attributes().getOrDefault(attribute, "0"));
    }

    private static boolean breaches(int value, MetricAlarm alarm) {
        double threshold = alarm.threshold() == null ? 0 : alarm.threshold();
        ComparisonOperator operator = alarm.comparisonOperator();
        return switch (operator) {
            case GREATER_THAN_THRESHOLD -> value > threshold;
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= threshold;
            case LESS_THAN_THRESHOLD -> value < threshold;
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= threshold;
            default -> false;
        };
    }

    private void everyPeriod() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(PERIOD);
                evaluate();
            } catch (InterruptedException e) {
                return;
            } catch (SdkException e) {
                LOG.log(System.Logger.Level.WARNING, "Evaluating the queue alarms failed: " + e.getMessage());
            }
        }
    }

    /** Stops the periodic evaluation. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
        }
    }
}
