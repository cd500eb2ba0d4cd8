package com.example.shop.localcloud;

import com.example.shop.localcloud.backend.Backend;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.example.shop.localcloud.faults.Fault;
import com.example.shop.localcloud.faults.FaultInjection;
import com.example.shop.localcloud.runtime.LambdaRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: starts the emulator, deploys {@code infra/template.yaml}, seeds demo data,
 * starts the Lambda runtime and serves the HTTP API on {@code localhost:3000} until Ctrl-C.
 *
 * <p>Arguments: {@code --backend moto|ministack} (default {@link Backend#DEFAULT}, or
 * {@code -Dlocal.backend}), {@code --port N} (default 3000), {@code --template PATH} (default the shop's),
 * {@code --duplicate-delivery} (deliver every message and stream batch twice, to watch the
 * consumers stay idempotent), {@code --faults ChargePaymentFunction:THROW:0.2,*:THROTTLE:0.05}
 * (inject faults from the start; {@code /_local/faults} changes them while it runs) and
 * {@code --fault-seed N} (the draws' seed, default {@link FaultInjection#DEFAULT_SEED}).
 */
public final class LocalCloudMain {

    private LocalCloudMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 3000;
        Path template = null;
        boolean duplicates = false;
        Backend backend = Backend.chosen();
        List<Fault> faults = new ArrayList<>();
        long seed = FaultInjection.DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--template" -> template = Path.of(args[++i]);
                case "--duplicate-delivery" -> duplicates = true;
                case "--backend" -> backend = Backend.named(args[++i]);
                case "--faults" -> {
                    try {
                        for (String fault : args[++i].split(",")) {
                            faults.add(Fault.parse(fault));
                        }
                    } catch (IllegalArgumentException e) {
                        System.err.println("--faults: " + e.getMessage());
                        System.exit(2);
                    }
                }
                case "--fault-seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("Unknown argument " + args[i] + "; usage: [--backend moto|ministack] [--port N]"
                            + " [--template PATH] [--duplicate-delivery] [--faults target:KIND:rate,...]"
                            + " [--fault-seed N]");
                    System.exit(2);
                }
            }
        }
        FaultInjection injection = new FaultInjection(seed);
        injection.setAll(faults);
        Path root = PythonEnvironment.locate().root();
        Path shopTemplate = template != null ? template : root.resolve("infra/template.yaml");
        if (!Files.isRegularFile(shopTemplate)) {
            System.err.println("No template at " + shopTemplate);
            System.exit(2);
        }

        long started = System.nanoTime();
        LocalCloud cloud = LocalCloud.start(LocalCloud.Options.forTemplate(shopTemplate).onPort(port)
                .withRuntime(LambdaRuntime.Options.defaults().withDuplicateDelivery(duplicates).withFaults(injection)), backend);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local cloud ...");
            cloud.close();
            stopped.countDown();
        }, "local-cloud-shutdown"));
        DemoData.Seeded seeded = DemoData.seed(cloud);
        System.out.println(Banner.text(cloud, seeded, (System.nanoTime() - started) / 1_000_000));
        stopped.await();
    }
}
