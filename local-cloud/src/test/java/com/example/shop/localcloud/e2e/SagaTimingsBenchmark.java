package com.example.shop.localcloud.e2e;

import com.example.shop.localcloud.LocalCloud;
import com.example.shop.localcloud.backend.Backend;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The saga's timings on one emulator backend, printed, never asserted: the local cloud's start-up
 * (emulator, translation, deploy), one order placed → SHIPPED (ten in turn, median and worst), and
 * {@value #ORDERS_IN_A_ROW} orders placed in a row until all are shipped, with the emulator's CPU
 * time and resident memory. Not an {@code *IT}, so {@code mvn verify} does not run it; run it per
 * backend (docs/decisions/0003-emulator-backend.md):
 * <pre>
 * mvn -o verify -pl local-cloud -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SagaTimingsBenchmark -Dlocal.backend=ministack -Dlocal.backend.second.skip=true
 * </pre>
 */
class SagaTimingsBenchmark {

    private static final int SINGLE_ORDERS = 10;
    private static final int ORDERS_IN_A_ROW = 30;

    @Test
    void saga_timings_on_the_chosen_backend() throws Exception {
        Backend backend = Backend.chosen();
        Path template = PythonEnvironment.locate().root().resolve("infra/template.yaml");
        PythonEnvironment.locate().ensureReady();
        long started = System.nanoTime();
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.forTemplate(template), backend);
             Shop shop = new Shop(cloud)) {
            long startupMillis = millisSince(started);
            String product = shop.newProduct(1_000, 10_000);

            List<Long> single = new ArrayList<>();
            for (int i = 0; i < SINGLE_ORDERS; i++) {
                String customer = shop.newCustomer();
                long placed = System.nanoTime();
                String orderId = shop.placeOrder(customer, "pm-card-visa", product, 1);
                shop.awaitStatus(customer, orderId, "SHIPPED");
                single.add(millisSince(placed));
            }

            long cpuBefore = emulatorCpuMillis();
            long inARow = System.nanoTime();
            List<String[]> orders = new ArrayList<>();
            for (int i = 0; i < ORDERS_IN_A_ROW; i++) {
                String customer = shop.newCustomer();
                orders.add(new String[] {customer, shop.placeOrder(customer, "pm-card-visa", product, 1)});
            }
            for (String[] order : orders) {
                Await.until("order " + order[1] + " is shipped", Duration.ofSeconds(300),
                        () -> shop.api.getOrder(order[0], order[1]).body(),
                        body -> body != null && "SHIPPED".equals(body.path("status").asText()));
            }
            long inARowMillis = millisSince(inARow);
            long cpu = emulatorCpuMillis() - cpuBefore;

            List<Long> sorted = single.stream().sorted().toList();
            System.err.printf("%n[saga timings] backend=%s startup=%d ms | one order placed->SHIPPED: median %d ms,"
                            + " worst %d ms (%d in turn) | %d orders in a row: all SHIPPED after %d ms (%.1f orders/s),"
                            + " emulator CPU %d ms | emulator RSS %s MB%n",
                    backend.id(), startupMillis, sorted.get(sorted.size() / 2), sorted.getLast(), SINGLE_ORDERS,
                    ORDERS_IN_A_ROW, inARowMillis, ORDERS_IN_A_ROW * 1000.0 / inARowMillis, cpu,
                    emulatorRssMb().map(String::valueOf).orElse("?"));
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** The emulator: the Python child process of this JVM (Linux only; -1 elsewhere). */
    private static Optional<Path> emulatorProc() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").contains("python"))
                .map(p -> Path.of("/proc", Long.toString(p.pid())))
                .filter(Files::isDirectory).findFirst();
    }

    private static long emulatorCpuMillis() {
        return emulatorProc().map(proc -> {
            try {
                String stat = Files.readString(proc.resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second)
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
            } catch (IOException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    private static Optional<Long> emulatorRssMb() {
        return emulatorProc().flatMap(proc -> {
            try {
                return Files.readAllLines(proc.resolve("status")).stream().filter(l -> l.startsWith("VmRSS:"))
                        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }
}
