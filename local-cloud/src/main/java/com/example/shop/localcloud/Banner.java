package com.example.shop.localcloud;

import java.util.stream.Collectors;

/** What the run command prints once everything is up: where things are and how to try them. */
final class Banner {

    private Banner() {
    }

    static String text(LocalCloud cloud, DemoData.Seeded seeded, long startupMillis) {
        String api = cloud.apiBase().toString();
        String products = seeded.prices().entrySet().stream()
                .map(e -> String.format("    %-20s %6.2f EUR  (stock %d)", e.getKey(), e.getValue() / 100.0,
                        seeded.stockPerProduct()))
                .collect(Collectors.joining("\n"));
        return """

                ==========================================================================
                 Serverless shop running locally (up in %d ms)
                   HTTP API      %s
                   AWS emulator  %s  (%s)
                   Functions     %d, polling %d queues and %d streams
                ==========================================================================
                Demo products:
                %s

                1. Get a development token (customer; use "role":"admin" for an admin):
                   TOKEN=$(curl -s -X POST %s/_local/tokens -d '{"role":"customer"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')

                2. Place an order:
                   curl -i -X POST %s/orders -H "authorization: Bearer $TOKEN" \\
                     -H 'content-type: application/json' -H 'idempotency-key: demo-1' \\
                     -d '{"lines":[{"productId":"espresso-beans-1kg","quantity":2}],
                          "shippingAddress":{"recipientName":"Ada Lovelace","line1":"1 Analytical Way",
                                             "city":"London","postalCode":"N1 9GU","countryCode":"GB"},
                          "paymentMethodRef":"pm-card-visa"}'

                3. Follow it (use the orderId from step 2):
                   curl -s %s/orders/<orderId> -H "authorization: Bearer $TOKEN"

                Press Ctrl-C to stop everything.
                """.formatted(startupMillis, api, cloud.emulator().endpoint(), cloud.emulator().name(),
                cloud.system().functions().size(), cloud.system().sqsSources().size(),
                cloud.system().streamSources().size(), products, api, api, api);
    }
}
