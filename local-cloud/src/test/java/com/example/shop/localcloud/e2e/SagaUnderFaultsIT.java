package com.example.shop.localcloud.e2e;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.emulator.EmulatorExtension;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.example.shop.localcloud.emulator.SentEmail;
import com.example.shop.localcloud.faults.Fault;
import com.example.shop.localcloud.faults.FaultInjection;
import com.example.shop.localcloud.faults.FaultKind;
import com.example.shop.localcloud.journey.EventJournal;
import com.example.shop.localcloud.journey.Hop;
import com.example.shop.localcloud.ops.DeadLetters;
import com.example.shop.localcloud.ops.QueueAlarms;
import com.example.shop.localcloud.runtime.InvocationListener;
import com.example.shop.localcloud.runtime.LambdaRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga under faults, told as one story: 200 orders are placed while a fifth of all
 * invocations fail (15 % throw, 6 % time out; half before the handler, half after it did its work)
 * and 5 % of AWS call attempts are throttled, and while the shipping scheduler is down altogether.
 * Every message that exhausts its queue's retries lands in a DLQ and sets the DLQ's alarm; the
 * operator clears the faults ("fix"), redrives each DLQ with the runbook's operation, and every
 * order finishes: none lost, stock conserved, no payment charged or refunded twice, no customer
 * e-mailed twice.
 *
 * <p>Runs on the default backend only (MiniStack): on moto the same 200 orders take minutes
 * (its SQS costs ~15× more per call), and moto's CloudWatch cannot hold the alarm states
 * ({@code Backend.playsQueueAlarms()}). Failed messages come back after the local runtime's 1 s
 * retry delay instead of the queues' 120 s visibility timeout (README, "The local cloud"), so a
 * message exhausts its five receives in seconds. The seed makes the number of faults per function
 * the same from run to run. Figures go to {@code target/faults-report.md} (docs/reliability.md).
 */
class SagaUnderFaultsIT {

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension();

    private static final int ORDERS = 200;
    private static final int PRODUCTS = 8;
    private static final int STOCK_PER_PRODUCT = 22;
    private static final long SEED = 1204;
    private static final Set<String> TERMINAL = Set.of("SHIPPED", "REJECTED", "PAYMENT_FAILED", "CANCELLED",
            "SHIPMENT_FAILED");
    /** The queue consumed by a function of its own (it gives the charge up), so its depth drains by design. */
    private static final String CONSUMED_DLQ = "ChargePaymentDlq";

    private static final Tally tally = new Tally();
    private static final FaultInjection faults = new FaultInjection(SEED);
    private static Shop shop;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(EMULATOR.backend().playsQueueAlarms(),
                "the DLQ alarms are evaluated on MiniStack only (Backend.playsQueueAlarms)");
        var template = PythonEnvironment.locate().root().resolve("infra/template.yaml");
        var options = LocalCloud.Options.forTemplate(template)
                .withRuntime(LambdaRuntime.Options.defaults().withListener(tally).withFaults(faults));
        shop = new Shop(LocalCloud.startOn(EMULATOR.emulator(), EMULATOR.python(), options));
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
            shop.cloud.close();
        }
    }

    @Test
    void two_hundred_orders_survive_failing_invocations_throttling_and_an_outage_with_nothing_lost() throws Exception {
        long started = System.nanoTime();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(shop.newProduct(1_000 + 100L * i, STOCK_PER_PRODUCT));
        }
        List<PlacedOrder> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(new PlacedOrder(i, shop.newCustomer(), products.get(i % PRODUCTS), paymentMethodOf(i),
                    i % 33 == 5 ? "AQ" : "US"));
        }

        faults.setAll(List.of(new Fault("*", FaultKind.THROW, 0.15), new Fault("*", FaultKind.TIMEOUT, 0.06),
                new Fault("*", FaultKind.THROTTLE, 0.05),
                // the carrier integration is down: its own fault wins over *'s
                new Fault("ScheduleShipmentFunction", FaultKind.THROW, 1.0)));
        placeAll(orders);

        DeadLetters deadLetters = shop.cloud.deadLetters();
        Await.until("every order is finished or waits for shipping, and nothing is in flight", Duration.ofSeconds(240),
                () -> inFlight(deadLetters) + " in flight; " + statuses(orders),
                state -> state.startsWith("0 in flight") && orders.stream().allMatch(o -> {
                    String status = o.status();
                    return TERMINAL.contains(status) || "PAID".equals(status);
                }));
        Map<FaultKind, Long> injected = faults.injected();

        // Look: every message that exhausted its retries waits in a DLQ, and the DLQ's alarm is set
        List<DeadLetters.Queue> queues = deadLetters.queues();
        Map<String, Integer> waiting = new TreeMap<>();
        for (DeadLetters.Queue queue : queues) {
            queue.dlq().filter(dlq -> dlq.visible() > 0).ifPresent(dlq -> waiting.put(dlq.name(), dlq.visible()));
        }
        Map<String, Integer> deadLettered = tally.deadLetteredByQueue();
        assertThat(waiting).as("the carrier outage left messages in a DLQ").isNotEmpty();
        waiting.forEach((dlq, visible) -> {
            if (!dlq.contains(CONSUMED_DLQ)) {
                assertThat(visible).as("%s holds every message that exhausted its retries into it", dlq)
                        .isEqualTo(deadLettered.getOrDefault(dlq, 0));
            }
        });
        deadLettered.forEach((dlq, count) -> {
            if (!dlq.contains(CONSUMED_DLQ)) {
                assertThat(waiting).as("every message given up on is in its DLQ").containsEntry(dlq, count);
            }
        });
        QueueAlarms alarms = shop.cloud.queueAlarms().orElseThrow();
        List<QueueAlarms.Evaluated> raised = alarms.evaluate().stream()
                .filter(alarm -> alarm.state() == StateValue.ALARM).toList();
        assertThat(raised).extracting(QueueAlarms.Evaluated::queue).as("one alarm per non-empty DLQ, no other")
                .containsExactlyInAnyOrderElementsOf(waiting.keySet());
        List<String> alerts = new ArrayList<>();
        for (List<String> batch = shop.drain("OpsAlertsQueue"); !batch.isEmpty(); batch = shop.drain("OpsAlertsQueue")) {
            alerts.addAll(batch);
        }
        assertThat(raised).allSatisfy(alarm -> assertThat(alerts).as("the ops topic heard %s", alarm.alarmName())
                .anyMatch(alert -> alert.contains(alarm.alarmName()) && alert.contains("ALARM")));
        assertThat(queues).filteredOn(q -> q.name().matches(".*(RuleDlq|FailureQueue|DeliveryDlq).*"))
                .as("no rule DLQ, stream failure queue or subscription DLQ holds anything (those are not redriven this way)")
                .allSatisfy(q -> assertThat(q.visible() + q.inFlight()).as(q.name()).isZero());

        // Fix, then redrive with the runbook's operation
        faults.clear();
        int redriven = 0;
        for (String dlq : waiting.keySet()) {
            if (!dlq.contains(CONSUMED_DLQ)) {
                redriven += deadLetters.redrive(dlq).moved();
            }
        }
        Await.until("every order is finished", Duration.ofSeconds(120), () -> statuses(orders),
                counts -> orders.stream().allMatch(o -> TERMINAL.contains(o.status())));
        Await.until("nothing is in flight", Duration.ofSeconds(60), () -> inFlight(deadLetters), n -> n == 0);
        assertThat(alarms.evaluate()).as("every alarm is OK again").allMatch(alarm -> alarm.state() == StateValue.OK);

        Map<String, Long> byStatus = statuses(orders);
        assertThat(byStatus.keySet()).as("the story went every way").contains("SHIPPED", "REJECTED", "PAYMENT_FAILED",
                "SHIPMENT_FAILED");
        assertStockConserved(products, orders);
        int[] payments = assertPaidAndRefundedOnce(orders);
        int emails = assertNobodyEmailedTwice(orders);

        String report = report(orders, byStatus, injected, waiting, redriven, payments, emails,
                Duration.ofNanos(System.nanoTime() - started));
        System.out.println(report);
        Path out = PythonEnvironment.locate().root().resolve("local-cloud/target/faults-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String paymentMethodOf(int i) {
        if (i % 20 == 3) {
            return "pm-decline-insufficient-funds";
        }
        return i % 25 == 7 ? "pm-transient-error" : "pm-card-visa";
    }

    /** Places every order as a careful client does: on a 5xx, again with the same idempotency key. */
    private static void placeAll(List<PlacedOrder> orders) throws Exception {
        Semaphore concurrent = new Semaphore(16);
        List<Future<?>> placed = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PlacedOrder order : orders) {
                placed.add(pool.submit(() -> {
                    concurrent.acquireUninterruptibly();
                    try {
                        order.place();
                    } finally {
                        concurrent.release();
                    }
                }));
            }
        }
        for (Future<?> future : placed) {
            future.get();
        }
    }

    private static final class PlacedOrder {
        final int number;
        final String customer;
        final String product;
        final String paymentMethod;
        final String country;
        int attempts;
        String id;

        PlacedOrder(int number, String customer, String product, String paymentMethod, String country) {
            this.number = number;
            this.customer = customer;
            this.product = product;
            this.paymentMethod = paymentMethod;
            this.country = country;
        }

        void place() {
            String key = "faults-" + number;
            for (attempts = 1; attempts <= 8; attempts++) {
                ShopClient.Reply reply = shop.api.placeOrder(customer, key, paymentMethod, Map.of(product, 1), null,
                        country);
                if (reply.status() == 202) {
                    id = reply.body().path("orderId").asText();
                    return;
                }
                assertThat(reply.status()).as("order %d answered %s", number, reply.body()).isGreaterThanOrEqualTo(500);
                tally.clientRetries.increment();
            }
            throw new AssertionError("order " + number + " was not accepted in 8 attempts");
        }

        String status() {
            return shop.storedOrder(id).map(Shop.StoredOrder::status).orElse("MISSING");
        }
    }

    private static Map<String, Long> statuses(List<PlacedOrder> orders) {
        return orders.stream().collect(Collectors.groupingBy(PlacedOrder::status, TreeMap::new, Collectors.counting()));
    }

    /** Messages in the source queues, visible or being processed (DLQs not counted). */
    private static int inFlight(DeadLetters deadLetters) {
        return deadLetters.queues().stream().filter(q -> q.dlq().isPresent())
                .mapToInt(q -> q.visible() + q.inFlight()).sum();
    }

    /**
     * Available = restocked − shipped, and reserved = shipped: in this inventory a shipped unit stays
     * counted as reserved (nothing decrements it on shipment), so stock held by an order that did not
     * ship would show as reserved beyond the shipped units.
     */
    private static void assertStockConserved(List<String> products, List<PlacedOrder> orders) {
        for (String product : products) {
            long shipped = orders.stream().filter(o -> o.product.equals(product) && "SHIPPED".equals(o.status())).count();
            int[] stock = shop.stock(product);
            assertThat(stock[0]).as("available of %s", product).isEqualTo(STOCK_PER_PRODUCT - shipped);
            assertThat(stock[1]).as("reserved of %s", product).isEqualTo(shipped);
            assertThat(stock[0] + stock[1]).as("nothing made or lost for %s", product).isEqualTo(STOCK_PER_PRODUCT);
        }
    }

    /** Returns {charged, refunded}. */
    private static int[] assertPaidAndRefundedOnce(List<PlacedOrder> orders) {
        String journalGroup = shop.cloud.system().outputs().get("EventJournalLogGroup");
        shop.cloud.timeline(orders.getFirst().id); // flushes the journal forwarder where there is one
        EventJournal journal = new EventJournal(shop.cloud.emulator().endpoint(), journalGroup);
        Map<String, Set<String>> charged = byOrder(journal.published("PaymentCharged"), "PaymentCharged");
        Map<String, Set<String>> refunded = byOrder(journal.published("PaymentRefunded"), "PaymentRefunded");
        int charges = 0;
        int refunds = 0;
        for (PlacedOrder order : orders) {
            String status = order.status();
            var payment = shop.payment(order.id);
            String state = payment.map(p -> p.get("state").s()).orElse("NONE");
            assertThat(charged.getOrDefault(order.id, Set.of())).as("PaymentCharged of %s", order.id).hasSizeLessThanOrEqualTo(1);
            assertThat(refunded.getOrDefault(order.id, Set.of())).as("PaymentRefunded of %s", order.id).hasSizeLessThanOrEqualTo(1);
            switch (status) {
                case "SHIPPED" -> assertThat(state).as(order.id).isEqualTo("CHARGED");
                case "SHIPMENT_FAILED" -> assertThat(state).as(order.id).isEqualTo("REFUNDED");
                case "REJECTED" -> assertThat(state).as(order.id).isEqualTo("NONE");
                case "PAYMENT_FAILED" -> assertThat(state).as(order.id).isIn("DECLINED", "FAILED");
                default -> assertThat(state).as(order.id).isIn("NONE", "CANCELLED", "REFUNDED");
            }
            charges += charged.getOrDefault(order.id, Set.of()).size();
            refunds += refunded.getOrDefault(order.id, Set.of()).size();
        }
        return new int[] {charges, refunds};
    }

    private static Map<String, Set<String>> byOrder(List<Hop> hops, String type) {
        Map<String, Set<String>> ids = new HashMap<>();
        hops.stream().filter(hop -> type.equals(hop.eventType()) && hop.orderId() != null)
                .forEach(hop -> ids.computeIfAbsent(hop.orderId(), k -> new java.util.HashSet<>()).add(hop.eventId()));
        return ids;
    }

    /** Returns how many e-mails were sent. */
    private static int assertNobodyEmailedTwice(List<PlacedOrder> orders) {
        Await.until("no e-mail is on its way", Duration.ofSeconds(60),
                () -> shop.depth("NotifyCustomerQueue") + shop.depth("EmailQueue"), depth -> depth == 0);
        List<SentEmail> sent = shop.cloud.emulator().sentEmails();
        Map<String, Long> perRecipientAndSubject = new HashMap<>();
        for (SentEmail mail : sent) {
            for (String to : mail.destinations()) {
                perRecipientAndSubject.merge(to + " | " + mail.subject(), 1L, Long::sum);
            }
        }
        assertThat(perRecipientAndSubject).as("each customer was told each thing once")
                .allSatisfy((who, count) -> assertThat(count).as(who).isEqualTo(1L));
        return sent.size();
    }

    private static String report(List<PlacedOrder> orders, Map<String, Long> byStatus, Map<FaultKind, Long> injected,
                                 Map<String, Integer> dlqs, int redriven, int[] payments, int emails, Duration took) {
        long lost = orders.stream().filter(o -> !TERMINAL.contains(o.status())).count();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("orders placed (HTTP, same idempotency key on a 5xx)", orders.size() + " (client retries after a 5xx: "
                + tally.clientRetries.sum() + ")");
        rows.put("faults set", "`*:THROW:0.15`, `*:TIMEOUT:0.06`, `*:THROTTLE:0.05`, `ScheduleShipmentFunction:THROW:1.0` (outage); seed " + SEED);
        rows.put("invocations", tally.invocations.sum() + " (failed: " + tally.failed.sum() + ", "
                + percent(tally.failed.sum(), tally.invocations.sum()) + ")");
        long outage = tally.invocationsOf.getOrDefault("ScheduleShipmentFunction", new LongAdder()).sum();
        long outageFailed = tally.failedOf.getOrDefault("ScheduleShipmentFunction", new LongAdder()).sum();
        rows.put("invocations outside the outage", (tally.invocations.sum() - outage) + " (failed: "
                + (tally.failed.sum() - outageFailed) + ", " + percent(tally.failed.sum() - outageFailed,
                tally.invocations.sum() - outage) + "; whole-invocation failures are the injected ones: the shop's own come back as partial batch failures)");
        rows.put("faults injected, THROW / TIMEOUT", injected.get(FaultKind.THROW) + " / " + injected.get(FaultKind.TIMEOUT));
        rows.put("AWS call attempts throttled (THROTTLE; retried by the SDK)", String.valueOf(injected.get(FaultKind.THROTTLE)));
        rows.put("SQS redeliveries (messages received again after a failure)", String.valueOf(tally.redeliveries.sum()));
        rows.put("messages dead-lettered (exhausted maxReceiveCount)", tally.deadLetteredByQueue().values().stream()
                .mapToInt(Integer::intValue).sum() + " " + tally.deadLetteredByQueue().keySet().stream()
                .map(q -> q.replaceAll("^shop-local-|-[A-Z0-9]+$", "")).toList());
        rows.put("DLQ alarms raised", dlqs.keySet().stream().map(q -> q.replaceAll("^shop-local-|-[A-Z0-9]+$", ""))
                .toList().toString());
        rows.put("redriven with the runbook's operation", String.valueOf(redriven));
        rows.put("orders by final status", byStatus.toString());
        rows.put("lost (not in a final state)", String.valueOf(lost));
        rows.put("stock conserved (available = restocked − shipped, reserved = shipped)", "yes, " + PRODUCTS + " products");
        rows.put("payments charged / refunded (announced once each)", payments[0] + " / " + payments[1]);
        rows.put("duplicates (second charge, refund or same e-mail)", "0 (" + emails + " e-mails sent)");
        rows.put("test time", took.toSeconds() + " s");
        StringBuilder md = new StringBuilder("| what | figure |\n|---|---|\n");
        rows.forEach((what, figure) -> md.append("| ").append(what).append(" | ").append(figure).append(" |\n"));
        return "[faults] " + Instant.now() + " backend=" + EMULATOR.backend().id() + "\n" + md;
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format("%.1f %%", 100.0 * part / whole);
    }

    /** What the runtime reports: invocations, failures, redeliveries, and messages given up on, by DLQ. */
    private static final class Tally implements InvocationListener {
        final LongAdder invocations = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder redeliveries = new LongAdder();
        final LongAdder clientRetries = new LongAdder();
        final Map<String, LongAdder> invocationsOf = new ConcurrentHashMap<>();
        final Map<String, LongAdder> failedOf = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> deadLettered = new ConcurrentHashMap<>();

        @Override
        public void invoked(Invocation invocation) {
            invocations.increment();
            invocationsOf.computeIfAbsent(invocation.function(), f -> new LongAdder()).increment();
            if (invocation.outcome() == Outcome.FAILED) {
                failed.increment();
                failedOf.computeIfAbsent(invocation.function(), f -> new LongAdder()).increment();
            }
            if (invocation.event() instanceof SQSEvent event && event.getRecords() != null) {
                event.getRecords().stream().filter(r -> r.getAttributes() != null
                        && Integer.parseInt(r.getAttributes().getOrDefault("ApproximateReceiveCount", "1")) > 1)
                        .forEach(r -> redeliveries.increment());
            }
        }

        @Override
        public void deadLettered(String queue, String deadLetterQueue, String body, Instant at) {
            deadLettered.computeIfAbsent(deadLetterQueue, q -> new LongAdder()).increment();
        }

        Map<String, Integer> deadLetteredByQueue() {
            Map<String, Integer> counts = new TreeMap<>();
            deadLettered.forEach((queue, count) -> counts.put(queue, count.intValue()));
            return counts;
        }
    }

}
