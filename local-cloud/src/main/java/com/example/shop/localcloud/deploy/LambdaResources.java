package com.example.shop.localcloud.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local Lambda service plays, as the template declares it: the functions and their SQS
 * and DynamoDB stream event source mappings. Values the emulator has to resolve are output markers
 * (see {@link RuntimeOutputs}).
 *
 * @param functions      every {@code AWS::Lambda::Function}, in template order
 * @param sqsMappings    the enabled mappings that read a queue
 * @param streamMappings the enabled mappings that read a table's stream
 */
record LambdaResources(List<FunctionSpec> functions, List<SqsMappingSpec> sqsMappings,
                       List<StreamMappingSpec> streamMappings) {

    private static final System.Logger LOG = System.getLogger(LambdaResources.class.getName());

    /** A function as the template declares it; environment values may be output markers. */
    record FunctionSpec(String logicalId, String handlerClass, String handlerMethod,
                        Map<String, JsonNode> environment, int timeoutSeconds, int memoryMb) {
    }

    /** An SQS event source mapping; {@code queueArn} may be an output marker. */
    record SqsMappingSpec(String logicalId, String functionLogicalId, JsonNode queueArn, int batchSize,
                          boolean reportBatchItemFailures, int maximumConcurrency) {
    }

    /** A DynamoDB stream mapping; {@code streamArn} and {@code onFailureArn} may be output markers. */
    record StreamMappingSpec(String logicalId, String functionLogicalId, JsonNode streamArn, int batchSize,
                             String startingPosition, boolean bisectBatchOnError, int maximumRetryAttempts,
                             JsonNode onFailureArn, boolean reportBatchItemFailures) {
    }

    LambdaResources {
        functions = List.copyOf(functions);
        sqsMappings = List.copyOf(sqsMappings);
        streamMappings = List.copyOf(streamMappings);
    }

    /**
     * Reads the functions and mappings of {@code resources}, deferring their intrinsic values to
     * {@code outputs}.
     *
     * @throws LocalDeployException for a function without a handler, or a mapping that reads
     *                              anything but a queue or a table's stream
     */
    static LambdaResources read(TemplateResources resources, RuntimeOutputs outputs) {
        List<FunctionSpec> functions = readFunctions(resources, outputs);
        List<SqsMappingSpec> sqsMappings = new ArrayList<>();
        List<StreamMappingSpec> streamMappings = new ArrayList<>();
        for (String id : resources.idsOfType("AWS::Lambda::EventSourceMapping")) {
            JsonNode properties = resources.properties(id);
            if (!properties.path("Enabled").asBoolean(true)) {
                LOG.log(Level.INFO, "Event source mapping {0} is disabled in the template: not played", id);
                continue;
            }
            if (properties.has("FilterCriteria")) {
                LOG.log(Level.WARNING, "Event source mapping {0} has FilterCriteria, which the local runtime does"
                        + " not apply: the function sees every record", id);
            }
            String function = resources.functionOf(properties.get("FunctionName"), "event source mapping " + id);
            JsonNode source = properties.get("EventSourceArn");
            boolean reportFailures = false;
            for (JsonNode responseType : properties.path("FunctionResponseTypes")) {
                reportFailures |= responseType.asText().equals("ReportBatchItemFailures");
            }
            switch (sourceKind(resources, id, source, properties)) {
                case "sqs" -> sqsMappings.add(new SqsMappingSpec(id, function,
                        outputs.defer(source, "LocalSrc" + id),
                        properties.path("BatchSize").asInt(10),
                        reportFailures,
                        properties.path("ScalingConfig").path("MaximumConcurrency").asInt(0)));
                case "dynamodb" -> {
                    JsonNode onFailure = properties.path("DestinationConfig").path("OnFailure").get("Destination");
                    streamMappings.add(new StreamMappingSpec(id, function,
                            outputs.defer(source, "LocalSrc" + id),
                            properties.path("BatchSize").asInt(100),
                            properties.path("StartingPosition").asText("TRIM_HORIZON"),
                            properties.path("BisectBatchOnFunctionError").asBoolean(false),
                            properties.path("MaximumRetryAttempts").asInt(-1),
                            onFailure == null ? null : outputs.defer(onFailure, "LocalDst" + id),
                            reportFailures));
                }
                default -> throw new LocalDeployException("Event source mapping " + id + " reads "
                        + source + ": the local runtime plays only SQS queues and DynamoDB streams");
            }
        }
        return new LambdaResources(functions, sqsMappings, streamMappings);
    }

    private static List<FunctionSpec> readFunctions(TemplateResources resources, RuntimeOutputs outputs) {
        List<FunctionSpec> functions = new ArrayList<>();
        for (String id : resources.idsOfType("AWS::Lambda::Function")) {
            JsonNode properties = resources.properties(id);
            String handler = properties.path("Handler").asText("");
            if (handler.isEmpty()) {
                throw new LocalDeployException("Function " + id + " has no Handler: the local runtime runs"
                        + " Java handlers from the classpath and needs the class name");
            }
            int separator = handler.indexOf("::");
            Map<String, JsonNode> environment = new LinkedHashMap<>();
            properties.path("Environment").path("Variables").properties().forEach(variable ->
                    environment.put(variable.getKey(),
                            outputs.defer(variable.getValue(), "LocalEnv" + id + variable.getKey())));
            functions.add(new FunctionSpec(id,
                    separator < 0 ? handler : handler.substring(0, separator),
                    separator < 0 ? null : handler.substring(separator + 2),
                    environment,
                    properties.path("Timeout").asInt(3),
                    properties.path("MemorySize").asInt(128)));
        }
        return functions;
    }

    /** {@code sqs}, {@code dynamodb} or {@code other}: from the ARN, the referenced resource, or a guess. */
    private static String sourceKind(TemplateResources resources, String mappingId, JsonNode source,
                                     JsonNode properties) {
        String literal = Intrinsics.literal(source);
        if (literal != null) {
            return literal.startsWith("arn:aws:sqs:") ? "sqs"
                    : literal.startsWith("arn:aws:dynamodb:") ? "dynamodb" : "other";
        }
        for (String referenced : Intrinsics.references(source)) {
            String type = resources.type(referenced);
            if (type.equals("AWS::SQS::Queue")) {
                return "sqs";
            }
            if (type.equals("AWS::DynamoDB::Table")) {
                return "dynamodb";
            }
            if (!type.isEmpty()) {
                return "other";
            }
        }
        LOG.log(Level.DEBUG, "Guessing the source kind of {0} from its properties", mappingId);
        return properties.has("StartingPosition") ? "dynamodb" : "sqs";
    }
}
