package com.example.shop.platform;

import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Business metrics as CloudWatch embedded-metric-format log lines (Powertools metrics), in the
 * {@code ServerlessShop} namespace with a {@code service} dimension, each line also carrying the
 * order and correlation ids as metadata so it can be traced to one order.
 *
 * <p>Each metric is flushed the moment the business fact happens, and callers record a fact only
 * when the domain reports it as new (not a redelivery or a republish), so a duplicate event never
 * counts twice. EMF output always goes to standard output, as in Lambda: the EMF library's own
 * environment detection would otherwise probe for EC2 or a CloudWatch agent when the function is
 * run outside Lambda (tests, the local cloud).
 */
public final class ShopMetrics {

    static {
        MetricsFactory.setMetricsProvider(() -> new EmfMetricsLogger(new StandardOutputOnly(), new MetricsContext()));
    }

    private final String namespace;
    private final String service;

    public ShopMetrics(Map<String, String> env) {
        this.namespace = env.getOrDefault("POWERTOOLS_METRICS_NAMESPACE", "ServerlessShop");
        this.service = env.getOrDefault("POWERTOOLS_SERVICE_NAME", "shop");
    }

    /** Counts one business fact, e.g. {@code count("OrdersPlaced", orderId, correlationId)}. */
    public void count(String metric, String orderId, String correlationId) {
        record(metric, 1, MetricUnit.COUNT, orderId, correlationId);
    }

    /** Records a measured value, e.g. the order value in minor units or the saga's duration. */
    public void record(String metric, double value, MetricUnit unit, String orderId, String correlationId) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.flushMetrics(m -> {
            m.setNamespace(namespace);
            m.setDefaultDimensions(DimensionSet.of("service", service));
            m.addMetric(metric, value, unit);
            if (orderId != null) {
                m.addMetadata("orderId", orderId);
            }
            if (correlationId != null) {
                m.addMetadata("correlationId", correlationId);
            }
        });
    }

    /**
     * The cold start of a function: one count per execution environment, by service. The function's
     * name rides along as metadata, not as a dimension: a dimension per function would make one
     * custom metric per function (29 × $0.30 a month, docs/cost.md) for a figure Logs Insights
     * can split by {@code function_name} from these same lines.
     */
    public void coldStart(String functionName) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.flushMetrics(m -> {
            m.setNamespace(namespace);
            m.setDefaultDimensions(DimensionSet.of("service", service));
            m.addMetric("ColdStart", 1, MetricUnit.COUNT);
            m.addMetadata("function_name", functionName);
        });
    }

    /** Lambda's EMF environment (standard output), whatever the process environment says. */
    private static final class StandardOutputOnly extends EnvironmentProvider {
        private final Environment lambda = new LambdaEnvironment();

        @Override
        public CompletableFuture<Environment> resolveEnvironment() {
            return CompletableFuture.completedFuture(lambda);
        }

        @Override
        public Environment getDefaultEnvironment() {
            return lambda;
        }
    }
}
