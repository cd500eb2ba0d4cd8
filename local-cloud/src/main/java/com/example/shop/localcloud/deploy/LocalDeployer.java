package com.example.shop.localcloud.deploy;

import com.example.shop.localcloud.deploy.EmulatorGaps.SdkResource;
import com.example.shop.localcloud.deploy.EmulatorGaps.TableSettings;
import com.example.shop.localcloud.deploy.HttpApiResources.AuthorizerSpec;
import com.example.shop.localcloud.deploy.LambdaResources.FunctionSpec;
import com.example.shop.localcloud.deploy.LambdaResources.SqsMappingSpec;
import com.example.shop.localcloud.deploy.LambdaResources.StreamMappingSpec;
import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.emulator.Emulator;
import com.example.shop.localcloud.emulator.MotoServer;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.example.shop.localcloud.model.FunctionDef;
import com.example.shop.localcloud.model.JwtAuthorizerDef;
import com.example.shop.localcloud.model.LocalSystem;
import com.example.shop.localcloud.model.SqsSource;
import com.example.shop.localcloud.model.StreamSource;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Deploys a SAM template onto an AWS emulator and tells the local runtime what it has to play.
 *
 * <p>The steps, each the local stand-in for what {@code sam deploy} and AWS do:
 * <ol>
 *   <li>expand the SAM transform ({@link SamTemplateTranslator});</li>
 *   <li>split off the resources the local runtime plays and read their configuration
 *       ({@link LocalTemplate});</li>
 *   <li>upload the rest to the emulator's S3 and create it from there ({@code TemplateURL}, as
 *       {@code sam deploy} does) as one CloudFormation stack, and wait for it;</li>
 *   <li>apply with the SDK what the emulator's CloudFormation skips or refuses (which depends on
 *       the emulator: {@link DeployQuirks}): SNS subscriptions with their filter policies and raw
 *       delivery, queue policies, SES identities, archives, point-in-time recovery and TTL;</li>
 *   <li>resolve every name, URL and ARN the runtime needs from the stack's outputs.</li>
 * </ol>
 * A deploy expects an empty emulator: after {@link MotoServer#reset()} the same template deploys
 * again, and every ARN (stream ARNs included) is read afresh.
 */
public final class LocalDeployer {

    /** The stack name used unless the caller picks another. */
    public static final String DEFAULT_STACK_NAME = "shop-local";

    private static final System.Logger LOG = System.getLogger(LocalDeployer.class.getName());
    private static final Duration STACK_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /**
     * Subscription properties that are subscription attributes of the same name in the SNS API.
     * The scope goes first: moto reads a filter policy by the scope in force when it is set.
     */
    private static final List<String> SUBSCRIPTION_ATTRIBUTES = List.of("FilterPolicyScope", "FilterPolicy",
            "RawMessageDelivery", "RedrivePolicy", "DeliveryPolicy", "ReplayPolicy", "SubscriptionRoleArn");

    /**
     * CloudFormation's cap on an inline {@code TemplateBody}; a template read from S3 may be 1 MB.
     * The stripped shop template is within 1.3 KB of it, so every deploy goes through S3.
     */
    public static final int TEMPLATE_BODY_LIMIT_BYTES = 51_200;

    private final AwsClients clients;
    private final SamTemplateTranslator translator;
    private final Runnable resetEmulator;
    private final String stackName;
    private final DeployQuirks quirks;

    /**
     * A deployer for a moto server: the translator runs from the same venv, and a failed stack
     * creation resets the server so the next attempt starts clean.
     */
    public LocalDeployer(MotoServer moto) {
        this(new AwsClients(moto.endpoint()), new SamTemplateTranslator(moto.python()), moto::reset,
                DEFAULT_STACK_NAME, DeployQuirks.moto());
    }

    /** A deployer for any emulator with its quirks; the SAM translator runs from the project's virtualenv. */
    public LocalDeployer(Emulator emulator, PythonEnvironment python, DeployQuirks quirks) {
        this(new AwsClients(emulator.endpoint()), new SamTemplateTranslator(python), emulator::reset,
                DEFAULT_STACK_NAME, quirks);
    }

    /**
     * @param clients       builds SDK clients for the emulator
     * @param translator    expands SAM templates
     * @param resetEmulator wipes the emulator after it failed half-way through creating the stack
     *                      (moto leaves a half-created stack behind)
     * @param stackName     the stack's name, which the emulator puts into generated resource names
     * @param quirks        what this emulator needs done differently
     */
    public LocalDeployer(AwsClients clients, SamTemplateTranslator translator, Runnable resetEmulator,
                         String stackName, DeployQuirks quirks) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.translator = Objects.requireNonNull(translator, "translator");
        this.resetEmulator = Objects.requireNonNull(resetEmulator, "resetEmulator");
        this.stackName = Objects.requireNonNull(stackName, "stackName");
        this.quirks = Objects.requireNonNull(quirks, "quirks");
    }

    /** Translates and deploys {@code samTemplate} with its default parameter values. */
    public LocalSystem deploy(Path samTemplate) {
        return deploy(samTemplate, Map.of());
    }

    /**
     * Translates and deploys {@code samTemplate}.
     *
     * @param parameters template parameter values, passed to the translator and the stack alike
     * @throws LocalDeployException when the template cannot be translated, the stack fails, or the
     *                              template needs something the local cloud does not play
     */
    public LocalSystem deploy(Path samTemplate, Map<String, String> parameters) {
        long started = System.nanoTime();
        JsonNode translated = translator.translate(samTemplate, parameters);
        long translatedAt = System.nanoTime();
        LocalSystem system = deployTranslated(translated, parameters);
        LOG.log(Level.INFO, "{0}: SAM translation {1} ms, deploy {2} ms, total {3} ms", samTemplate.getFileName(),
                millis(translatedAt - started), millis(System.nanoTime() - translatedAt),
                millis(System.nanoTime() - started));
        return system;
    }

    /** Deploys an already translated (plain CloudFormation) template. */
    public LocalSystem deployTranslated(JsonNode cloudFormation, Map<String, String> parameters) {
        long started = System.nanoTime();
        LocalTemplate local = LocalTemplate.of(cloudFormation, quirks);
        try (CloudFormationClient cloudFormationClient = clients.build(CloudFormationClient.builder()
                     // a retried CreateStack meets the half-created stack of the failed attempt
                     .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())));
             S3Client s3 = clients.build(S3Client.builder().forcePathStyle(true));
             EventBridgeClient events = clients.build(EventBridgeClient.builder());
             SnsClient sns = clients.build(SnsClient.builder());
             SqsClient sqs = clients.build(SqsClient.builder());
             DynamoDbClient dynamoDb = clients.build(DynamoDbClient.builder());
             SesV2Client ses = clients.build(SesV2Client.builder())) {

            Stack stack = createStack(cloudFormationClient, s3, local, parameters);
            long createdAt = System.nanoTime();
            Map<String, String> outputs = stack.outputs().stream()
                    .collect(Collectors.toMap(Output::outputKey, o -> o.outputValue() == null ? "" : o.outputValue()));
            Map<String, String> resources = physicalIds(cloudFormationClient, local, outputs);

            EmulatorGaps gaps = local.emulatorGaps();
            for (SdkResource resource : gaps.sdkResources()) {
                apply(resource, outputs, sns, sqs, ses, events).ifPresent(id -> resources.put(resource.logicalId(), id));
            }
            for (TableSettings table : gaps.tableSettings()) {
                apply(table, resources, dynamoDb);
            }
            LocalSystem system = system(local, outputs, resources, sqs);
            LOG.log(Level.INFO, "Stack {0} on {1}: {2} resources created in {3} ms, {4} applied with the SDK"
                            + " in {5} ms; the local runtime plays {6} functions, {7} queue and {8} stream sources,"
                            + " {9} routes", stackName, clients.endpoint(), resources.size(),
                    millis(createdAt - started), gaps.sdkResources().size() + gaps.tableSettings().size(),
                    millis(System.nanoTime() - createdAt), system.functions().size(), system.sqsSources().size(),
                    system.streamSources().size(), system.httpRoutes().size());
            if (!local.leftOut().isEmpty()) {
                local.leftOut().entrySet().stream().collect(Collectors.groupingBy(Map.Entry::getValue,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList()))).forEach((why, ids) ->
                        LOG.log(Level.INFO, "Not on {0} (docs/emulators.md), {1}: {2}", quirks.emulator(), why, ids));
            }
            return system;
        } catch (SdkException e) {
            throw new LocalDeployException("The emulator at " + clients.endpoint() + " failed while deploying stack "
                    + stackName + ": " + e.getMessage(), e);
        }
    }

    private Stack createStack(CloudFormationClient cloudFormation, S3Client s3, LocalTemplate local,
                              Map<String, String> parameters) {
        String templateUrl = upload(s3, local.stackJson());
        try {
            cloudFormation.createStack(request -> request
                    .stackName(stackName)
                    .templateURL(templateUrl)
                    .parameters(parameters.entrySet().stream()
                            .map(p -> Parameter.builder().parameterKey(p.getKey()).parameterValue(p.getValue()).build())
                            .toList())
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM,
                            Capability.CAPABILITY_AUTO_EXPAND));
        } catch (AwsServiceException e) {
            if (e.statusCode() >= 500) {
                resetEmulator.run();
                throw new LocalDeployException("The emulator's CloudFormation crashed (HTTP " + e.statusCode()
                        + ") creating stack " + stackName + ", most likely on a resource or property it does not"
                        + " support; the emulator was reset. Its log names the failing resource. Cause: "
                        + e.awsErrorDetails().errorMessage(), e);
            }
            throw new LocalDeployException("The emulator refused stack " + stackName + " (HTTP " + e.statusCode()
                    + "): " + e.awsErrorDetails().errorMessage()
                    + (e.statusCode() == 400 && String.valueOf(e.awsErrorDetails().errorCode()).contains("AlreadyExists")
                    ? " — reset the emulator before deploying again" : ""), e);
        }
        return awaitCreated(cloudFormation);
    }

    /**
     * Puts the stack template into the emulator's S3, as {@code sam deploy} puts it into its managed
     * bucket, and returns its URL in the path-style form CloudFormation reads (every emulator
     * resolves it against its own S3).
     */
    private String upload(S3Client s3, String template) {
        String bucket = stackName + "-templates";
        String key = stackName + "/template.json";
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(r -> r.bucket(bucket));
        }
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromString(template));
        LOG.log(Level.DEBUG, "Stack template: {0} bytes (TemplateBody would take at most {1})",
                template.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, TEMPLATE_BODY_LIMIT_BYTES);
        return "https://s3." + AwsClients.REGION.id() + ".amazonaws.com/" + bucket + "/" + key;
    }

    private Stack awaitCreated(CloudFormationClient cloudFormation) {
        long deadline = System.nanoTime() + STACK_TIMEOUT.toNanos();
        while (true) {
            Stack stack = cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks().getFirst();
            String status = stack.stackStatusAsString();
            if (status.equals("CREATE_COMPLETE")) {
                return stack;
            }
            if (!status.endsWith("_IN_PROGRESS")) {
                String reasons = failureReasons(cloudFormation);
                resetEmulator.run();
                throw new LocalDeployException("Stack " + stackName + " ended " + status + "; the emulator was reset."
                        + " Failed resources:" + reasons);
            }
            if (System.nanoTime() > deadline) {
                throw new LocalDeployException("Stack " + stackName + " still " + status + " after "
                        + STACK_TIMEOUT.toSeconds() + " s:" + failureReasons(cloudFormation));
            }
            sleep();
        }
    }

    private String failureReasons(CloudFormationClient cloudFormation) {
        String reasons = cloudFormation.describeStackEvents(r -> r.stackName(stackName)).stackEvents().stream()
                .filter(event -> String.valueOf(event.resourceStatusAsString()).endsWith("_FAILED"))
                .map(event -> System.lineSeparator() + "  " + event.logicalResourceId() + " ("
                        + event.resourceType() + "): " + event.resourceStatusReason())
                .collect(Collectors.joining());
        return reasons.isEmpty() ? " (the emulator gave no reasons)" : reasons;
    }

    /** Logical id → physical id as {@code Ref} gives it, for what the emulator reports an id for. */
    private Map<String, String> physicalIds(CloudFormationClient cloudFormation, LocalTemplate local,
                                            Map<String, String> outputs) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (StackResource resource : cloudFormation.describeStackResources(r -> r.stackName(stackName))
                .stackResources()) {
            String logicalId = resource.logicalResourceId();
            String physicalId = resource.physicalResourceId();
            // moto lists the resources it skipped without ids: those are not on the emulator
            if (logicalId != null && !logicalId.isBlank() && physicalId != null && !physicalId.isBlank()) {
                ids.put(logicalId, physicalId);
            }
        }
        local.emulatorGaps().busNameOutputs().forEach((bus, output) -> ids.put(bus, outputs.get(output)));
        return ids;
    }

    private Optional<String> apply(SdkResource resource, Map<String, String> outputs, SnsClient sns,
                                   SqsClient sqs, SesV2Client ses, EventBridgeClient events) {
        JsonNode properties = RuntimeOutputs.resolve(resource.properties(), outputs);
        return switch (resource.type()) {
            case "AWS::SNS::Subscription" -> Optional.of(subscribe(resource.logicalId(), properties, sns));
            case "AWS::SQS::QueuePolicy" -> {
                String policy = properties.path("PolicyDocument").toString();
                for (JsonNode queueUrl : properties.path("Queues")) {
                    sqs.setQueueAttributes(r -> r.queueUrl(queueUrl.asText())
                            .attributes(Map.of(QueueAttributeName.POLICY, policy)));
                }
                yield Optional.empty();
            }
            case "AWS::SES::EmailIdentity" -> {
                // the emulator's CloudFormation skips SES identities, and SES refuses to send
                // from an address that is not one
                String identity = properties.path("EmailIdentity").asText();
                ses.createEmailIdentity(r -> r.emailIdentity(identity));
                yield Optional.of(identity);
            }
            case "AWS::Events::Archive" -> {
                // an archive without ArchiveName gets one made of the stack and logical id, as on AWS
                String name = properties.path("ArchiveName").asText(stackName + "-" + resource.logicalId());
                JsonNode pattern = properties.path("EventPattern");
                events.createArchive(r -> r.archiveName(name)
                        .eventSourceArn(properties.path("SourceArn").asText())
                        .description(properties.path("Description").asText(null))
                        .retentionDays(properties.has("RetentionDays") ? properties.path("RetentionDays").asInt() : null)
                        .eventPattern(pattern.isMissingNode() ? null
                                : pattern.isTextual() ? pattern.asText() : pattern.toString()));
                yield Optional.of(name);
            }
            default -> throw new IllegalStateException("No SDK step for " + resource.type());
        };
    }

    private static String subscribe(String logicalId, JsonNode properties, SnsClient sns) {
        String subscriptionArn = sns.subscribe(r -> r
                .topicArn(properties.path("TopicArn").asText())
                .protocol(properties.path("Protocol").asText())
                .endpoint(properties.path("Endpoint").asText(null))
                .returnSubscriptionArn(true)).subscriptionArn();
        for (String attribute : SUBSCRIPTION_ATTRIBUTES) {
            JsonNode value = properties.get(attribute);
            if (value != null && !value.isNull()) {
                // policies are JSON documents in the template and JSON strings in the SNS API
                String text = value.isContainerNode() ? value.toString() : value.asText();
                sns.setSubscriptionAttributes(r -> r.subscriptionArn(subscriptionArn)
                        .attributeName(attribute).attributeValue(text));
            }
        }
        LOG.log(Level.DEBUG, "Subscribed {0}: {1}", logicalId, subscriptionArn);
        return subscriptionArn;
    }

    private static void apply(TableSettings table, Map<String, String> resources, DynamoDbClient dynamoDb) {
        String tableName = resources.get(table.logicalId());
        if (table.pointInTimeRecovery()) {
            dynamoDb.updateContinuousBackups(r -> r.tableName(tableName)
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
        }
        if (table.ttlAttribute() != null) {
            dynamoDb.updateTimeToLive(r -> r.tableName(tableName)
                    .timeToLiveSpecification(t -> t.attributeName(table.ttlAttribute()).enabled(true)));
        }
    }

    private static LocalSystem system(LocalTemplate local, Map<String, String> outputs, Map<String, String> resources,
                                      SqsClient sqs) {
        Map<String, FunctionDef> functions = new LinkedHashMap<>();
        for (FunctionSpec function : local.lambda().functions()) {
            Map<String, String> environment = new LinkedHashMap<>();
            function.environment().forEach((name, value) ->
                    environment.put(name, RuntimeOutputs.resolveText(value, outputs)));
            functions.put(function.logicalId(), new FunctionDef(function.logicalId(), function.handlerClass(),
                    function.handlerMethod(), environment, function.timeoutSeconds(), function.memoryMb()));
        }
        List<SqsSource> sqsSources = new ArrayList<>();
        for (SqsMappingSpec mapping : local.lambda().sqsMappings()) {
            String queueArn = RuntimeOutputs.resolveText(mapping.queueArn(), outputs);
            sqsSources.add(new SqsSource(mapping.functionLogicalId(), queueArn, queueUrl(queueArn, sqs),
                    mapping.batchSize(), mapping.reportBatchItemFailures(), mapping.maximumConcurrency()));
        }
        List<StreamSource> streamSources = new ArrayList<>();
        for (StreamMappingSpec mapping : local.lambda().streamMappings()) {
            String onFailureArn = RuntimeOutputs.resolveText(mapping.onFailureArn(), outputs);
            streamSources.add(new StreamSource(mapping.functionLogicalId(),
                    RuntimeOutputs.resolveText(mapping.streamArn(), outputs), mapping.batchSize(),
                    mapping.startingPosition(), mapping.bisectBatchOnError(), mapping.maximumRetryAttempts(),
                    onFailureArn == null ? null : queueUrl(onFailureArn, sqs), mapping.reportBatchItemFailures()));
        }
        Map<String, JwtAuthorizerDef> authorizers = new LinkedHashMap<>();
        for (AuthorizerSpec authorizer : local.httpApis().authorizers()) {
            authorizers.put(authorizer.name(), new JwtAuthorizerDef(authorizer.name(), authorizer.identitySource(),
                    RuntimeOutputs.resolveText(authorizer.issuer(), outputs),
                    authorizer.audience().stream().map(a -> RuntimeOutputs.resolveText(a, outputs)).toList()));
        }
        Set<String> internal = local.extraOutputNames();
        Map<String, String> templateOutputs = new LinkedHashMap<>(outputs);
        templateOutputs.keySet().removeAll(internal);
        return new LocalSystem(functions, sqsSources, streamSources, local.httpApis().routes(), authorizers, resources,
                templateOutputs);
    }

    /** The emulator's URL of a queue, from its ARN ({@code arn:aws:sqs:<region>:<account>:<name>}). */
    private static String queueUrl(String queueArn, SqsClient sqs) {
        String[] parts = queueArn.split(":");
        if (parts.length != 6 || !parts[2].equals("sqs")) {
            throw new LocalDeployException(queueArn + " is not an SQS queue ARN: the local runtime only polls"
                    + " and delivers to SQS queues");
        }
        return sqs.getQueueUrl(r -> r.queueName(parts[5]).queueOwnerAWSAccountId(parts[4])).queueUrl();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalDeployException("Interrupted while waiting for the stack", e);
        }
    }
}
