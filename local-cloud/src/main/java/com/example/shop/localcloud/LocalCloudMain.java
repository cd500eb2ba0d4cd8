package com.example.shop.localcloud;

import com.example.shop.localcloud.backend.Backend;
import com.example.shop.localcloud.emulator.PythonEnvironment;
import com.example.shop.localcloud.runtime.LambdaRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: starts the emulator, deploys {@code infra/template.yaml}, seeds demo data,
 * starts the Lambda runtime and serves the HTTP API on {@code localhost:3000} until Ctrl-C.
 *
 * <p>Arguments: {@code --backend moto|ministack} (default {@link Backend#DEFAULT}, or
 * {@code -Dlocal.backend}), {@code --port N} (default 3000), {@code --template PATH} (default the shop's),
 * {@code --duplicate-delivery} (deliver every message and stream batch twice, to watch the
 * consumers stay idempotent).
 */
public final class LocalCloudMain {

    private LocalCloudMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 3000;
        Path template = null;
        boolean duplicates = false;
        Backend backend = Backend.chosen();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--template" -> template = Path.of(args[++i]);
                case "--duplicate-delivery" -> duplicates = true;
                case "--backend" -> backend = Backend.named(args[++i]);
                default -> {
                    System.err.println("Unknown argument " + args[i] + "; usage: [--backend moto|ministack] [--port N]"
                            + " [--template PATH] [--duplicate-delivery]");
                    System.exit(2);
                }
            }
        }
        Path root = PythonEnvironment.locate().root();
        Path shopTemplate = template != null ? template : root.resolve("infra/template.yaml");
        if (!Files.isRegularFile(shopTemplate)) {
            System.err.println("No template at " + shopTemplate);
            System.exit(2);
        }

        long started = System.nanoTime();
        LocalCloud cloud = LocalCloud.start(LocalCloud.Options.forTemplate(shopTemplate).onPort(port)
                .withRuntime(LambdaRuntime.Options.defaults().withDuplicateDelivery(duplicates)), backend);
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
