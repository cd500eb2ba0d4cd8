package com.example.shop.localcloud;

import java.util.stream.Collectors;

/** What the run command prints once everything is up: where things are and how to try them. */
final class Banner {

    private Banner() {
    }

    static String text(LocalCloud cloud, DemoData.Seeded seeded, long startupMillis) {
        String api = cloud.apiBase().toString();
        String products = seeded.products().entrySet().stream()
                .map(e -> String.format("    %-38s %-20s %7.2f EUR  (stock %d)", e.getKey(), e.getValue().name(),
                        e.getValue().priceCents() / 100.0, seeded.stockPerProduct()))
                .collect(Collectors.joining("\n"));
        String firstProduct = seeded.products().keySet().iterator().next();
        return """

                ==========================================================================
                 Serverless shop running locally (up in %d ms)
                   HTTP API      %s
                   Console       %s   (open it in a browser)
                   AWS emulator  %s  (%s)
                   Functions     %d, polling %d queues and %d streams
                   Faults        %s
                ==========================================================================
                Demo products:
                %s

                1. Get a development token (customer; use "role":"admin" for an admin):
                   TOKEN=$(curl -s -X POST %s/_local/tokens -d '{"role":"customer"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')

                2. Place an order:
                   curl -i -X POST %s/orders -H "authorization: Bearer $TOKEN" \\
                     -H 'content-type: application/json' -H 'idempotency-key: demo-1' \\
                     -d '{"lines":[{"productId":"%s","quantity":2}],
                          "shippingAddress":{"recipientName":"Ada Lovelace","line1":"1 Analytical Way",
                                             "city":"London","postalCode":"N1 9GU","countryCode":"GB"},
                          "paymentMethodRef":"pm-card-visa"}'

                3. Follow it (use the orderId from step 2), and see its journey across the services:
                   curl -s %s/orders/<orderId> -H "authorization: Bearer $TOKEN"
                   curl -s %s/_local/orders/<orderId>/timeline            (add ?format=mermaid for a diagram)

                4. Browse the catalogue (public, served from the CQRS read model):
                   curl -s '%s/products?category=%s'

                Emails the shop sent: %s%s

                Faults and dead letters (docs/reliability.md):
                   curl -s -X PUT %s/_local/faults -d '{"target":"ChargePaymentFunction","kind":"THROW","rate":0.2}'
                   curl -s %s/_local/queues                      (depths; POST /_local/queues/<dlq>/redrive)

                Press Ctrl-C to stop everything.
                """.formatted(startupMillis, api, cloud.consoleUri(), cloud.emulator().endpoint(), cloud.emulator().name(),
                cloud.system().functions().size(), cloud.system().sqsSources().size(),
                cloud.system().streamSources().size(), faults(cloud), products, api, api, firstProduct, api, api, api,
                seeded.categoryId(), cloud.emulator().endpoint(), switch (cloud.backend()) {
                    case MOTO -> "/moto-api/data.json (under \"ses\")";
                    case MINISTACK -> "/_ministack/ses/messages";
                    case LOCALSTACK -> "/_aws/ses";
                }, api, api);
    }

    private static String faults(LocalCloud cloud) {
        var set = cloud.faults().list();
        return set.isEmpty() ? "none injected (seed " + cloud.faults().seed() + "; PUT /_local/faults to inject)"
                : set.stream().map(Object::toString).collect(Collectors.joining(", "))
                        + " (seed " + cloud.faults().seed() + ")";
    }
}
