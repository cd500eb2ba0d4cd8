package com.example.shop.localcloud.iam;

import com.example.shop.localcloud.deploy.SamTemplateTranslator;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Least privilege, proven by evaluation: every function's policy, taken from the translated
 * template, is evaluated by a real IAM evaluator ({@link IamSimulator}) against every call the
 * function made in the end-to-end suite ({@link CallRecording}), against calls it must not be able
 * to make, and against itself (each granted action was used, or the committed
 * {@code infra/iam-unexercised-grants.json} says why not).
 *
 * <p>Runs in its own Failsafe execution after the end-to-end suite on both emulators, reading
 * {@code target/recorded-calls/*.json}; run alone it evaluates the forged calls and skips what
 * needs a recording.
 */
class LeastPrivilegeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The end-to-end suite classes whose recordings together exercise every path the shop has. */
    private static final Set<String> WHOLE_SUITE = Set.of("SagaStories", "CatalogAndNotificationsIT",
            "ObservabilityIT", "RequestsPerOrderIT", "EmulatorFidelityIT");
    private static final Set<String> PLATFORM_MANAGED_POLICIES = Set.of("AWSLambdaBasicExecutionRole",
            "AWSXrayWriteOnlyAccess");
    private static final Map<String, String> SOURCES = Map.of("order", "shop.orders", "inventory", "shop.inventory",
            "payment", "shop.payments", "shipping", "shop.shipping", "catalog", "shop.catalog");

    private static Path root;
    private static Map<String, FunctionPolicies.Role> roles;
    private static Map<String, String> serviceOf;
    private static List<JsonNode> recorded;
    private static Set<String> suites;
    private static IamSimulator iam;

    @BeforeAll
    static void translate_the_template_and_read_the_recordings() throws IOException {
        PythonEnvironment python = PythonEnvironment.locate().ensureReady();
        root = python.root();
        JsonNode translated = new SamTemplateTranslator(python).translate(root.resolve("infra/template.yaml"), Map.of());
        roles = new FunctionPolicies(translated).roles();
        serviceOf = new LinkedHashMap<>();
        translated.path("Resources").properties().forEach(r -> {
            JsonNode env = r.getValue().path("Properties").path("Environment").path("Variables");
            if (r.getValue().path("Type").asText().equals("AWS::Lambda::Function")) {
                serviceOf.put(r.getKey(), env.path("POWERTOOLS_SERVICE_NAME").asText());
            }
        });
        recorded = new ArrayList<>();
        suites = new TreeSet<>();
        Path directory = CallRecording.directory();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode recording = JSON.readTree(file.toFile());
                    recording.path("accesses").forEach(recorded::add);
                    recording.path("suites").forEach(s -> suites.add(s.asText()));
                }
            }
        }
        iam = IamSimulator.installedUnder(root);
    }

    @Test
    void no_role_carries_more_than_the_platform_managed_policies_or_a_wildcard() {
        assertThat(roles).as("functions with a role").isNotEmpty();
        roles.values().forEach(role -> {
            assertThat(role.managed()).as(role.function()).isSubsetOf(PLATFORM_MANAGED_POLICIES);
            role.grants().forEach(grant -> {
                assertThat(grant.getKey()).as(role.function() + " action").doesNotContain("*");
                JsonNode resource = grant.getValue().path("Resource");
                assertThat(resource.toString()).as(role.function() + " " + grant.getKey() + " resource")
                        .satisfiesAnyOf(r -> assertThat(r).doesNotContain("*"),
                                r -> assertThat(r).matches(".*(/stream/\\*|:identity/\\*).*"));
            });
        });
    }

    @Test
    void every_recorded_call_is_allowed_by_the_policy_of_the_function_that_made_it() {
        Assumptions.assumeFalse(recorded.isEmpty(), "no recording: run the end-to-end suite first (mvn verify)");
        List<IamSimulator.Request> requests = new ArrayList<>();
        for (JsonNode access : recorded) {
            String function = access.path("role").asText();
            assertThat(roles).as("a recorded caller is a function of the template").containsKey(function);
            Map<String, Object> context = new LinkedHashMap<>();
            access.path("context").properties().forEach(e -> context.put(e.getKey(),
                    e.getKey().equals("events:source") ? List.of(e.getValue().asText()) : e.getValue().asText()));
            requests.add(new IamSimulator.Request(function + " " + access.path("action").asText() + " "
                    + access.path("resource").asText() + " " + context, function, roles.get(function).policies(),
                    access.path("action").asText(), access.path("resource").asText(), context));
        }

        Map<String, String> decisions = iam.decide(requests);

        assertThat(decisions).as("IAM's decision for each recorded call").allSatisfy((call, decision) ->
                assertThat(decision).as(call).isEqualTo("Allowed"));
        long calls = 0;
        for (JsonNode access : recorded) {
            calls += access.path("count").asLong();
        }
        System.out.printf("[least privilege] %d functions; %d calls recorded in %s, %d distinct (function, action,"
                        + " resource, source), %d distinct actions: all allowed%n", roles.size(), calls, suites,
                decisions.size(), recorded.stream().map(a -> a.path("action").asText()).distinct().count());
    }

    @Test
    void forged_calls_are_denied() {
        List<IamSimulator.Request> forged = new ArrayList<>();
        String bus = arn("events", "event-bus/ShopEventBus");
        // every publisher, under every other service's source (a forged PaymentCharged from the
        // order outbox among them), with no source, and with its own source beside a forged one
        roles.forEach((function, role) -> {
            if (role.grants().stream().noneMatch(g -> g.getKey().equals("events:PutEvents"))) {
                return;
            }
            String own = SOURCES.get(serviceOf.get(function));
            assertThat(own).as("the source of " + function).isNotNull();
            SOURCES.values().stream().filter(source -> !source.equals(own)).forEach(source ->
                    forged.add(request(function, "events:PutEvents", bus, Map.of("events:source", List.of(source)))));
            forged.add(request(function, "events:PutEvents", bus, Map.of()));
            forged.add(request(function, "events:PutEvents", bus,
                    Map.of("events:source", List.of(own, own.equals("shop.payments") ? "shop.orders" : "shop.payments"))));
        });
        String orders = arn("dynamodb", "table/OrdersTable");
        forged.add(request("GetOrderFunction", "dynamodb:Scan", orders, Map.of()));
        forged.add(request("GetOrderFunction", "dynamodb:Query", orders, Map.of()));
        forged.add(request("GetOrderFunction", "dynamodb:PutItem", orders, Map.of()));
        forged.add(request("PlaceOrderFunction", "dynamodb:GetItem", arn("dynamodb", "table/PaymentsTable"), Map.of()));
        forged.add(request("ChargePaymentFunction", "dynamodb:PutItem", orders, Map.of()));
        forged.add(request("ReserveStockFunction", "dynamodb:DeleteItem", arn("dynamodb", "table/InventoryTable"), Map.of()));
        forged.add(request("ListProductsFunction", "dynamodb:Scan", arn("dynamodb", "table/CatalogReadTable"), Map.of()));
        forged.add(request("UpdateOrderStatusFunction", "sqs:ReceiveMessage", arn("sqs", "ReserveStockQueue"), Map.of()));
        forged.add(request("ReserveStockFunction", "sqs:DeleteMessage", arn("sqs", "ChargePaymentQueue"), Map.of()));
        forged.add(request("ChargePaymentFunction", "sqs:SendMessage", arn("sqs", "ChargePaymentQueue"), Map.of()));
        forged.add(request("OrderOutboxFunction", "dynamodb:GetRecords",
                arn("dynamodb", "table/CatalogTable/stream/" + CallRecording.STREAM_LABEL), Map.of()));
        forged.add(request("NotifyCustomerFunction", "sns:Publish", arn("sns", "OpsAlertsTopic"), Map.of()));
        forged.add(request("SendEmailFunction", "ses:SendEmail", arn("ses", "identity/shop@example.com"),
                Map.of("ses:FromAddress", "someone@example.org")));

        Map<String, String> decisions = iam.decide(forged);

        assertThat(decisions).as("IAM's decision for each forged call").allSatisfy((call, decision) ->
                assertThat(decision).as(call).isEqualTo("ImplicitlyDenied"));
        System.out.printf("[least privilege] %d forged calls denied%n", decisions.size());
    }

    @Test
    void every_granted_action_was_used_or_is_listed_with_its_reason() throws IOException {
        Assumptions.assumeTrue(suites.containsAll(WHOLE_SUITE), "the recording covers " + suites
                + ", not the whole end-to-end suite " + WHOLE_SUITE + ": run mvn verify");
        JsonNode listed = JSON.readTree(root.resolve("infra/iam-unexercised-grants.json").toFile());
        Set<String> used = new TreeSet<>();
        recorded.forEach(a -> used.add(a.path("role").asText() + " " + a.path("action").asText()));
        Map<String, String> reasons = new LinkedHashMap<>();
        listed.path("grants").forEach(g -> reasons.put(g.path("function").asText() + " " + g.path("action").asText(),
                g.path("reason").asText()));
        listed.path("managedPolicies").properties().forEach(p ->
                assertThat(p.getValue().asText()).as("the reason for " + p.getKey()).isNotBlank());

        List<String> unexplained = new ArrayList<>();
        Set<String> explained = new TreeSet<>();
        roles.forEach((function, role) -> role.grants().forEach(grant -> {
            String key = function + " " + grant.getKey();
            if (used.contains(key)) {
                return;
            }
            String reason = reasons.getOrDefault(key, reasons.get("* " + grant.getKey()));
            if (reason == null || reason.isBlank()) {
                unexplained.add(key);
            } else {
                explained.add(key);
            }
        }));

        assertThat(unexplained).as("granted, never used in the end-to-end suite, and not listed with a reason in"
                + " infra/iam-unexercised-grants.json").isEmpty();
        assertThat(reasons.keySet()).as("listed as unexercised but used: remove them from the list")
                .noneMatch(used::contains);
        System.out.printf("[least privilege] %d granted (function, action) pairs, %d unexercised with a reason: %s%n",
                roles.values().stream().mapToLong(r -> r.grants().stream().map(Map.Entry::getKey).distinct().count()).sum(),
                explained.size(), explained);
    }

    private static IamSimulator.Request request(String function, String action, String resource, Map<String, Object> context) {
        assertThat(roles).containsKey(function);
        return new IamSimulator.Request("forged: " + function + " " + action + " " + resource + " " + context, function,
                roles.get(function).policies(), action, resource, context);
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + FunctionPolicies.REGION + ":" + FunctionPolicies.ACCOUNT + ":" + resource;
    }
}
