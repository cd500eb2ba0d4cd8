package com.example.shop.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.shop.platform.RequestCounts.Access;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * What IAM is asked to allow for one SDK call: the action, the resource ARN and the condition
 * values, once per item that IAM authorises on its own.
 *
 * <p>Most calls are one request to IAM. Some are several: a DynamoDB transaction asks for the
 * item action of each of its writes ({@code TransactWriteItems} is not an IAM action), a batch
 * asks once per table, and EventBridge authorises each {@code PutEvents} entry with its own
 * {@code events:source}. The request's fields are read by their API names through {@link SdkPojo},
 * so this class needs no service's model on its classpath.
 *
 * <p>ARNs are built from the call's region and the account the environment names
 * ({@code AWS_ACCOUNT_ID}, which the local runtime sets; on Lambda the account stays empty, and
 * the accesses are never read there).
 */
final class IamRequests {

    /** SDK service names whose IAM prefix is not their lower-cased name. */
    private static final Map<String, String> PREFIXES = Map.of(
            "EventBridge", "events", "SesV2", "ses", "CloudWatchLogs", "logs", "DynamoDbStreams", "dynamodb");

    private IamRequests() {
    }

    /**
     * The accesses of one call.
     *
     * @param role      whose permissions the call uses (a function's name)
     * @param service   the SDK's service name, e.g. {@code DynamoDb}
     * @param operation the API, e.g. {@code TransactWriteItems}
     * @param request   the request as the caller built it
     * @param resource  the resource where the request does not name it (a stream read by iterator),
     *                  or {@code null}
     */
    static List<Access> of(String role, String service, String operation, SdkPojo request, String region,
                           String account, String resource) {
        String prefix = PREFIXES.getOrDefault(service, service.toLowerCase(java.util.Locale.ROOT));
        Arns arns = new Arns(region, account);
        List<Access> accesses = new ArrayList<>();
        switch (prefix + ":" + operation) {
            case "dynamodb:TransactWriteItems" -> {
                for (Object item : list(request, "TransactItems")) {
                    for (var write : Map.of("Put", "PutItem", "Update", "UpdateItem", "Delete", "DeleteItem",
                            "ConditionCheck", "ConditionCheckItem").entrySet()) {
                        Object part = field(item, write.getKey());
                        if (part != null) {
                            accesses.add(new Access(role, "dynamodb:" + write.getValue(),
                                    arns.table(text(part, "TableName")), Map.of()));
                        }
                    }
                }
            }
            case "dynamodb:TransactGetItems" -> {
                for (Object item : list(request, "TransactItems")) {
                    accesses.add(new Access(role, "dynamodb:GetItem", arns.table(text(field(item, "Get"), "TableName")),
                            Map.of()));
                }
            }
            case "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem" -> {
                if (field(request, "RequestItems") instanceof Map<?, ?> tables) {
                    tables.keySet().stream().map(String::valueOf).sorted().forEach(table ->
                            accesses.add(new Access(role, prefix + ":" + operation, arns.table(table), Map.of())));
                }
            }
            case "dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords" ->
                    accesses.add(new Access(role, prefix + ":" + operation,
                            resource != null ? resource : orStar(text(request, "StreamArn")), Map.of()));
            case "dynamodb:ListStreams" -> accesses.add(new Access(role, "dynamodb:ListStreams", "*", Map.of()));
            case "events:PutEvents" -> {
                for (Object entry : list(request, "Entries")) {
                    accesses.add(new Access(role, "events:PutEvents", arns.bus(text(entry, "EventBusName")),
                            Map.of("events:source", String.valueOf(text(entry, "Source")))));
                }
            }
            case "sns:Publish", "sns:PublishBatch" -> accesses.add(new Access(role, "sns:Publish",
                    orStar(text(request, "TopicArn") != null ? text(request, "TopicArn") : text(request, "TargetArn")),
                    Map.of()));
            case "ses:SendEmail" -> {
                String from = address(text(request, "FromEmailAddress"));
                String identity = text(request, "FromEmailAddressIdentityArn");
                accesses.add(new Access(role, "ses:SendEmail", identity != null ? identity : arns.identity(from),
                        from == null ? Map.of() : Map.of("ses:FromAddress", from)));
            }
            default -> {
                if (prefix.equals("dynamodb") && text(request, "TableName") != null) {
                    String index = text(request, "IndexName");
                    String table = arns.table(text(request, "TableName"));
                    accesses.add(new Access(role, "dynamodb:" + operation,
                            index == null ? table : table + "/index/" + index, Map.of()));
                } else if (prefix.equals("sqs")) {
                    // a batch API is authorised as its single-message action
                    accesses.add(new Access(role, "sqs:" + operation.replaceFirst("Batch$", ""),
                            arns.queue(text(request, "QueueUrl"), text(request, "QueueName")), Map.of()));
                } else {
                    accesses.add(new Access(role, prefix + ":" + operation, resource != null ? resource : "*", Map.of()));
                }
            }
        }
        return accesses;
    }

    /** ARNs in the call's region and account. */
    private record Arns(String region, String account) {

        String table(String nameOrArn) {
            return nameOrArn != null && nameOrArn.startsWith("arn:") ? nameOrArn
                    : "arn:aws:dynamodb:" + region + ":" + account + ":table/" + nameOrArn;
        }

        String bus(String nameOrArn) {
            return nameOrArn != null && nameOrArn.startsWith("arn:") ? nameOrArn
                    : "arn:aws:events:" + region + ":" + account + ":event-bus/" + (nameOrArn == null ? "default" : nameOrArn);
        }

        /** A queue URL ({@code https://host/<account>/<name>}) or, for GetQueueUrl, a name. */
        String queue(String url, String name) {
            if (url == null) {
                return name == null ? "*" : "arn:aws:sqs:" + region + ":" + account + ":" + name;
            }
            String[] path = url.replaceFirst("^[a-z]+://[^/]+/", "").split("/");
            return path.length == 2 ? "arn:aws:sqs:" + region + ":" + path[0] + ":" + path[1] : "*";
        }

        String identity(String address) {
            return "arn:aws:ses:" + region + ":" + account + ":identity/" + address;
        }
    }

    /** {@code shop@example.com} from {@code Shop <shop@example.com>}. */
    private static String address(String from) {
        if (from == null) {
            return null;
        }
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close) : from.trim();
    }

    private static String orStar(String value) {
        return value == null ? "*" : value;
    }

    private static String text(Object pojo, String name) {
        Object value = field(pojo, name);
        return value == null ? null : value.toString();
    }

    private static List<?> list(Object pojo, String name) {
        return field(pojo, name) instanceof List<?> items ? items : List.of();
    }

    /** A field of an SDK model object by its API name, or {@code null}. */
    private static Object field(Object pojo, String name) {
        if (pojo instanceof SdkPojo model) {
            for (SdkField<?> field : model.sdkFields()) {
                if (field.memberName().equals(name)) {
                    return field.getValueOrDefault(model);
                }
            }
        }
        return null;
    }
}
