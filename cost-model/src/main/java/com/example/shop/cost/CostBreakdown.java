package com.example.shop.cost;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Dollars per million orders, by component, for one saga path or for the mix of paths: the
 * quantities per order (requests, GB-seconds, units, bytes) times the unit prices, plus the
 * monthly fixed costs (custom metrics, idle queue polling) spread over the month's orders.
 */
final class CostBreakdown {

    /** The components, in the order they are shown; delivery lines are reported apart from the total. */
    enum Component {
        LAMBDA_REQUESTS("Lambda requests"),
        LAMBDA_DURATION("Lambda duration (GB-s, arm64)"),
        LAMBDA_INIT("Lambda billed INIT (cold starts)"),
        EVENTBRIDGE("EventBridge custom events"),
        SQS_MESSAGES("SQS requests for messages (send, receive, delete)"),
        SQS_IDLE_POLLING("SQS idle polling by Lambda's pollers (monthly, spread)"),
        SNS("SNS publishes"),
        DYNAMODB_WRITES("DynamoDB writes (on-demand WRU)"),
        DYNAMODB_READS("DynamoDB reads (on-demand RRU)"),
        HTTP_API("API Gateway HTTP API requests"),
        LOGS("CloudWatch Logs ingestion"),
        METRICS("CloudWatch custom metrics (monthly, spread)"),
        XRAY("X-Ray traces recorded"),
        EMAIL_DELIVERY("SES e-mail delivery"),
        SMS_DELIVERY("SNS SMS delivery (US)");

        final String label;

        Component(String label) {
            this.label = label;
        }

        boolean delivery() {
            return this == EMAIL_DELIVERY || this == SMS_DELIVERY;
        }
    }

    /** One component: how much of it one order uses, in which unit, and what a million orders cost. */
    record Line(double quantityPerOrder, String unit, double dollarsPerMillionOrders) {
    }

    final Map<Component, Line> lines = new LinkedHashMap<>();

    double total(boolean withDelivery) {
        return lines.entrySet().stream().filter(e -> withDelivery || !e.getKey().delivery())
                .mapToDouble(e -> e.getValue().dollarsPerMillionOrders()).sum();
    }

    /** The cost of one order down {@code path}, per million such orders. */
    static CostBreakdown of(Inputs in, Inputs.PathMeasurement path) {
        JsonNode p = in.prices();
        JsonNode a = in.assumptions();
        CostBreakdown cost = new CostBreakdown();
        double million = 1_000_000;

        long invocations = path.invocations().values().stream().mapToLong(Long::longValue).sum();
        cost.put(Component.LAMBDA_REQUESTS, invocations, "invocations", invocations * p.at("/lambda/perMillionRequests").asDouble());

        double gbSeconds = 0;
        double initGbSeconds = 0;
        for (Map.Entry<String, Long> e : path.invocations().entrySet()) {
            Inputs.FunctionFacts f = in.functions().get(e.getKey());
            if (f == null) {
                continue;
            }
            double gb = f.memoryMb() / 1024.0;
            gbSeconds += e.getValue() * gb * Math.max(1, f.warmMs()) / 1000.0;
            initGbSeconds += e.getValue() * a.path("coldStartShare").asDouble() * gb * Math.max(0, f.initMs()) / 1000.0;
        }
        double perGbS = p.at("/lambda/perGbSecondArm64").asDouble();
        cost.put(Component.LAMBDA_DURATION, gbSeconds, "GB-s", gbSeconds * perGbS * million);
        cost.put(Component.LAMBDA_INIT, initGbSeconds, "GB-s", initGbSeconds * perGbS * million);

        long events = path.calls("EventBridge:PutEvents");
        cost.put(Component.EVENTBRIDGE, events, "events", events * p.at("/eventBridge/perMillionCustomEvents").asDouble());

        long messages = path.invocations().entrySet().stream()
                .filter(e -> in.functions().containsKey(e.getKey()) && in.functions().get(e.getKey()).sqsTriggered())
                .mapToLong(Map.Entry::getValue).sum();
        double sqsRequests = messages * a.path("sqsRequestsPerMessage").asDouble();
        cost.put(Component.SQS_MESSAGES, sqsRequests, "requests", sqsRequests * p.at("/sqs/perMillionRequests").asDouble());

        double ordersPerMonth = a.path("ordersPerMonth").asDouble();
        double idleRequests = in.sqsTriggeredFunctions() * a.path("idleReceivesPerQueuePerMonth").asDouble() / ordersPerMonth;
        cost.put(Component.SQS_IDLE_POLLING, idleRequests, "requests", idleRequests * p.at("/sqs/perMillionRequests").asDouble());

        long sms = path.calls("SendShipmentSmsFunction", "Sns:Publish");
        long publishes = path.calls("Sns:Publish") - sms;
        cost.put(Component.SNS, publishes, "publishes", publishes * p.at("/sns/perMillionPublishes").asDouble());

        double wruPerWrite = Math.max(1, Math.ceil(in.meanItemBytes() / 1024.0));
        double writes = path.calls("DynamoDb:PutItem") + path.calls("DynamoDb:UpdateItem") + path.calls("DynamoDb:DeleteItem");
        double transactItems = path.calls("DynamoDb:TransactWriteItems") * a.path("dynamoDbItemsPerTransactWrite").asDouble();
        double wru = writes * wruPerWrite + transactItems * 2 * wruPerWrite;
        cost.put(Component.DYNAMODB_WRITES, wru, "WRU", wru * p.at("/dynamoDb/perMillionWriteRequestUnits").asDouble());
        double rruPerRead = Math.max(1, Math.ceil(in.meanItemBytes() / 4096.0));
        double reads = path.calls("DynamoDb:GetItem") + path.calls("DynamoDb:Query")
                + path.calls("DynamoDb:BatchGetItem") * a.path("dynamoDbItemsPerBatchGet").asDouble();
        double rru = reads * rruPerRead;
        cost.put(Component.DYNAMODB_READS, rru, "RRU", rru * p.at("/dynamoDb/perMillionReadRequestUnits").asDouble());

        long http = path.platformCalls().getOrDefault("ApiGatewayV2:HttpRequest", 0L);
        cost.put(Component.HTTP_API, http, "requests", http * p.at("/httpApi/perMillionRequests").asDouble());

        double bytes = path.stdoutBytes() + invocations * a.path("lambdaPlatformLogBytesPerInvocation").asDouble()
                + events * a.path("journalBytesPerEvent").asDouble();
        double gb = bytes / (1024.0 * 1024 * 1024);
        cost.put(Component.LOGS, bytes / 1024.0, "KB", gb * p.at("/cloudWatch/logsIngestionPerGb").asDouble() * million);

        double metrics = in.distinctMetrics();
        cost.put(Component.METRICS, metrics / ordersPerMonth, "metric-months",
                metrics * p.at("/cloudWatch/customMetricPerMonth").asDouble() / ordersPerMonth * million);

        double tracesPerOrder = http * a.path("tracesPerHttpRequest").asDouble();
        double monthly = tracesPerOrder * ordersPerMonth;
        double reservoir = a.path("xRayReservoirPerSecond").asDouble() * 30 * 24 * 3600;
        double recorded = Math.min(monthly, reservoir) + a.path("xRayFixedRate").asDouble() * Math.max(0, monthly - reservoir);
        double recordedPerOrder = monthly == 0 ? 0 : recorded / ordersPerMonth;
        cost.put(Component.XRAY, recordedPerOrder, "traces", recordedPerOrder * p.at("/xRay/perMillionTracesRecorded").asDouble());

        long emails = path.calls("SesV2:SendEmail");
        cost.put(Component.EMAIL_DELIVERY, emails, "e-mails", emails * p.at("/ses/perThousandEmails").asDouble() * 1000);
        cost.put(Component.SMS_DELIVERY, sms, "SMS", sms * p.at("/sns/smsPerMessageUs").asDouble() * million);
        return cost;
    }

    /** The mix: each path's breakdown weighted by its share. */
    static CostBreakdown mix(Map<CostBreakdown, Double> weighted) {
        CostBreakdown mix = new CostBreakdown();
        for (Component c : Component.values()) {
            double q = 0;
            double d = 0;
            String unit = "";
            for (Map.Entry<CostBreakdown, Double> e : weighted.entrySet()) {
                Line line = e.getKey().lines.get(c);
                q += line.quantityPerOrder() * e.getValue();
                d += line.dollarsPerMillionOrders() * e.getValue();
                unit = line.unit();
            }
            mix.lines.put(c, new Line(q, unit, d));
        }
        return mix;
    }

    private void put(Component c, double quantity, String unit, double dollarsPerMillion) {
        lines.put(c, new Line(quantity, unit, dollarsPerMillion));
    }
}
