package com.example.shop.localcloud.http;

import com.example.shop.localcloud.model.HttpRoute;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes in the order API Gateway tries them: the most specific path first, a
 * route for the request's own method before an {@code ANY} route on the same path, and the
 * {@code $default} route, if any, last of all.
 */
final class RouteTable {

    static final String DEFAULT_ROUTE = "$default";

    /** A route chosen for a request, with its decoded path parameters. */
    record RouteMatch(HttpRoute route, Map<String, String> pathParameters) {

        /** The route key as API Gateway writes it: {@code GET /orders/{orderId}}, or {@code $default}. */
        String routeKey() {
            return isDefaultRoute(route) ? DEFAULT_ROUTE : route.routeKey();
        }
    }

    private record Entry(HttpRoute route, PathTemplate path) {
    }

    private final List<Entry> entries;
    private final HttpRoute defaultRoute;

    RouteTable(List<HttpRoute> routes) {
        this.entries = routes.stream()
                .filter(route -> !isDefaultRoute(route))
                .map(route -> new Entry(route, PathTemplate.parse(route.path())))
                .sorted(Comparator.comparing(Entry::path, PathTemplate.MOST_SPECIFIC_FIRST)
                        .thenComparing(entry -> "ANY".equals(entry.route().method())))
                .toList();
        List<HttpRoute> defaults = routes.stream().filter(RouteTable::isDefaultRoute).toList();
        if (defaults.size() > 1) {
            throw new IllegalArgumentException("More than one $default route: " + defaults);
        }
        this.defaultRoute = defaults.isEmpty() ? null : defaults.getFirst();
    }

    /**
     * The route for a request.
     *
     * @param method       the request's method
     * @param pathSegments the request path's decoded segments
     */
    Optional<RouteMatch> match(String method, List<String> pathSegments) {
        for (Entry entry : entries) {
            String routeMethod = entry.route().method();
            if (!routeMethod.equals(method) && !routeMethod.equals("ANY")) {
                continue;
            }
            Optional<Map<String, String>> parameters = entry.path().match(pathSegments);
            if (parameters.isPresent()) {
                return Optional.of(new RouteMatch(entry.route(), parameters.get()));
            }
        }
        return Optional.ofNullable(defaultRoute).map(route -> new RouteMatch(route, Map.of()));
    }

    private static boolean isDefaultRoute(HttpRoute route) {
        return DEFAULT_ROUTE.equals(route.path());
    }
}
