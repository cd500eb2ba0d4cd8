package com.example.shop.localcloud.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.example.shop.localcloud.auth.AuthorizationOutcome.Authorized;
import com.example.shop.localcloud.auth.AuthorizationOutcome.Denied;
import com.example.shop.localcloud.auth.IssuedToken;
import com.example.shop.localcloud.auth.JwtAuthorizer;
import com.example.shop.localcloud.auth.LocalIdentityProvider;
import com.example.shop.localcloud.http.PayloadFormatV2.MalformedResponseException;
import com.example.shop.localcloud.http.RouteTable.RouteMatch;
import com.example.shop.localcloud.model.HttpRoute;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP API of the template, served on localhost: it plays API Gateway in front of the real
 * Lambda handlers.
 *
 * <p>For every request it picks the most specific route ({@code {"message":"Not Found"}} and 404
 * when none fits), runs the JWT authorizer the route names, if any, and answers 401
 * {@code {"message":"Unauthorized"}} without invoking anything when the token is refused (403
 * {@code {"message":"Forbidden"}} when a valid token carries none of the route's authorization
 * scopes), then
 * invokes the route's function with a payload format 2.0 event and writes its response back. A
 * function that throws or returns something API Gateway could not use yields 500
 * {@code {"message":"Internal Server Error"}}; the cause is logged, never sent. Every response
 * carries an {@code apigw-requestid} header equal to the event's {@code requestContext.requestId}.
 *
 * <p>Development endpoints live under {@code /_local/}, outside the template's API:
 * {@code POST /_local/tokens} issues a token from the local identity provider, {@code GET
 * /_local/jwks.json} serves its public key, and {@link #registerLocalEndpoint} adds more.
 *
 * <p>One listener on the loopback interface, one virtual thread per request; {@link #close()}
 * stops both.
 */
public final class LocalHttpApi implements AutoCloseable {

    /** The prefix of every development endpoint; requests below it never reach the template's routes. */
    public static final String LOCAL_PREFIX = "/_local/";

    private static final System.Logger LOG = System.getLogger(LocalHttpApi.class.getName());

    private record LocalRoute(String method, PathTemplate path, LocalEndpoint endpoint) {
    }

    private final RouteTable routes;
    private final Map<String, JwtAuthorizer> authorizers;
    private final LocalIdentityProvider identityProvider;
    private final HttpInvoker invoker;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final List<LocalRoute> localRoutes = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;
    private final HttpServer server;

    /**
     * Starts the API with the system clock and one authorizer for every route that names any.
     *
     * @see #LocalHttpApi(int, List, Map, LocalIdentityProvider, HttpInvoker, Clock)
     */
    public LocalHttpApi(int port, List<HttpRoute> routes, JwtAuthorizer authorizer,
                        LocalIdentityProvider identityProvider, HttpInvoker invoker) {
        this(port, routes, everyNamedAuthorizer(routes, authorizer), identityProvider, invoker, Clock.systemUTC());
    }

    /**
     * Starts the API, listening on the loopback interface until {@link #close()}.
     *
     * @param port             the port, or 0 for any free one (see {@link #port()})
     * @param routes           the template's routes
     * @param authorizers      the API's JWT authorizers by the name routes use for them
     * @param identityProvider issues the tokens of {@code POST /_local/tokens}
     * @param invoker          runs a route's function
     * @param clock            the source of {@code requestContext.time} and {@code timeEpoch}
     * @throws IllegalArgumentException when a route names an authorizer that is not given
     * @throws UncheckedIOException     when the port cannot be bound
     */
    public LocalHttpApi(int port, List<HttpRoute> routes, Map<String, JwtAuthorizer> authorizers,
                        LocalIdentityProvider identityProvider, HttpInvoker invoker, Clock clock) {
        this.routes = new RouteTable(routes);
        this.authorizers = Map.copyOf(authorizers);
        List<String> unknown = routes.stream()
                .filter(route -> route.authorizer() != null && !this.authorizers.containsKey(route.authorizer()))
                .map(route -> route.routeKey() + " -> " + route.authorizer())
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Routes name authorizers that were not given: " + unknown);
        }
        this.identityProvider = Objects.requireNonNull(identityProvider, "identityProvider");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.clock = Objects.requireNonNull(clock, "clock");
        registerLocalEndpoint("POST", "/_local/tokens", this::issueToken);
        registerLocalEndpoint("GET", "/_local/jwks.json",
                request -> LocalResponse.json(200, identityProvider.jwks()));

        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port + " for the local HTTP API", e);
        }
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port the API listens on, the free one chosen when constructed with 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where clients reach the API, e.g. {@code http://127.0.0.1:3000}. */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port());
    }

    /**
     * Adds a development endpoint. Safe to call while the API is serving.
     *
     * @param method   the HTTP method it answers, or {@code ANY}
     * @param path     a path template under {@code /_local/}, may hold {@code {name}} segments,
     *                 e.g. {@code /_local/orders/{orderId}/timeline}
     * @param endpoint what answers
     * @throws IllegalArgumentException when the path is outside {@code /_local/} or already taken
     *                                  for that method
     */
    public void registerLocalEndpoint(String method, String path, LocalEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        String upperMethod = method.toUpperCase(Locale.ROOT);
        if (!path.startsWith(LOCAL_PREFIX)) {
            throw new IllegalArgumentException("Development endpoints live under " + LOCAL_PREFIX + ": " + path);
        }
        synchronized (localRoutes) {
            boolean taken = localRoutes.stream().anyMatch(route ->
                    route.method().equals(upperMethod) && route.path().toString().equals(path));
            if (taken) {
                throw new IllegalArgumentException("Already registered: " + upperMethod + " " + path);
            }
            localRoutes.add(new LocalRoute(upperMethod, PathTemplate.parse(path), endpoint));
        }
    }

    /** Stops listening, lets requests in flight finish for up to a second, then ends their threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            HttpReply reply;
            try {
                reply = respond(read(exchange), requestId);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not read request " + requestId + ": " + e.getMessage());
                return;
            }
            write(exchange, reply, requestId);
        } catch (IOException e) {
            // The client went away mid-response; there is no one left to tell.
            LOG.log(Level.DEBUG, "Could not write response " + requestId + ": " + e.getMessage());
        }
    }

    private HttpReply respond(IncomingRequest request, String requestId) {
        if (request.rawPath().startsWith(LOCAL_PREFIX)) {
            return respondLocally(request, requestId);
        }
        Optional<RouteMatch> found = routes.match(request.method(), request.pathSegments());
        if (found.isEmpty()) {
            return HttpReply.NOT_FOUND;
        }
        RouteMatch match = found.get();

        Authorized authorized = null;
        HttpRoute route = match.route();
        if (route.authorizer() != null) {
            JwtAuthorizer authorizer = authorizers.get(route.authorizer());
            String token = request.header(authorizer.identityHeader());
            switch (authorizer.authorize(token)) {
                case Authorized granted -> authorized = granted;
                case Denied denied -> {
                    LOG.log(Level.INFO, "401 for " + match.routeKey() + " (" + requestId + "): " + denied.reason());
                    return unauthorized(token, denied);
                }
            }
            List<String> required = route.authorizationScopes();
            if (!required.isEmpty() && authorized.scopes().stream().noneMatch(required::contains)) {
                LOG.log(Level.INFO, "403 for " + match.routeKey() + " (" + requestId + "): the token has none of "
                        + required);
                return HttpReply.message(403, "Forbidden").withHeader("www-authenticate",
                        "Bearer scope=\"" + String.join(" ", required) + "\" error=\"insufficient_scope\""
                                + " error_description=\"the token does not have any of the route's scopes\"");
            }
        }

        APIGatewayV2HTTPEvent event = PayloadFormatV2.toEvent(request, match, authorized, requestId, clock.instant());
        String function = match.route().functionLogicalId();
        try {
            return PayloadFormatV2.toReply(invoker.invoke(function, event));
        } catch (MalformedResponseException e) {
            LOG.log(Level.ERROR, function + " gave an unusable response to " + match.routeKey()
                    + " (" + requestId + "): " + e.getMessage());
            return HttpReply.INTERNAL_SERVER_ERROR;
        } catch (Exception e) {
            LOG.log(Level.ERROR, function + " failed on " + match.routeKey() + " (" + requestId + ")", e);
            return HttpReply.INTERNAL_SERVER_ERROR;
        }
    }

    private static HttpReply unauthorized(String token, Denied denied) {
        HttpReply reply = HttpReply.message(401, "Unauthorized");
        if (token == null) {
            return reply;
        }
        // The header API Gateway sends when it refuses a token, which says why.
        return reply.withHeader("www-authenticate",
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + denied.reason() + "\"");
    }

    private HttpReply respondLocally(IncomingRequest request, String requestId) {
        List<String> segments = request.pathSegments();
        Optional<Map.Entry<LocalRoute, Map<String, String>>> found = localRoutes.stream()
                .filter(route -> route.method().equals(request.method()) || route.method().equals("ANY"))
                .sorted((a, b) -> PathTemplate.MOST_SPECIFIC_FIRST.compare(a.path(), b.path()))
                .flatMap(route -> route.path().match(segments).map(params -> Map.entry(route, params)).stream())
                .findFirst();
        if (found.isEmpty()) {
            return HttpReply.NOT_FOUND;
        }
        LocalRequest localRequest = new LocalRequest(request.method(), request.decodedPath(), found.get().getValue(),
                request.queryParameters(), request.joinedHeaders(),
                new String(request.body(), StandardCharsets.UTF_8));
        try {
            LocalResponse response = found.get().getKey().endpoint().handle(localRequest);
            return new HttpReply(response.statusCode(), List.of(Map.entry("Content-Type", response.contentType())),
                    response.body().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            LOG.log(Level.ERROR, "Development endpoint " + request.method() + " " + request.rawPath()
                    + " failed (" + requestId + ")", e);
            return HttpReply.INTERNAL_SERVER_ERROR;
        }
    }

    /**
     * {@code POST /_local/tokens} with {@code {"role":"customer"|"admin","subject":"…","email":"…"}},
     * every field optional: a customer {@code customer-1} with {@code <subject>@example.com} unless
     * told otherwise. Answers {@code {"token":"…","expiresAt":<epoch seconds>}}.
     */
    private LocalResponse issueToken(LocalRequest request) throws JsonProcessingException {
        JsonNode body;
        try {
            body = request.body().isBlank() ? json.createObjectNode() : json.readTree(request.body());
        } catch (JsonProcessingException e) {
            return LocalResponse.json(400, "{\"message\":\"The body is not JSON\"}");
        }
        if (!body.isObject()) {
            return LocalResponse.json(400, "{\"message\":\"The body must be a JSON object\"}");
        }
        String role = body.path("role").asText("customer");
        boolean blankField = List.of("subject", "email").stream()
                .anyMatch(field -> body.hasNonNull(field) && body.get(field).asText().isBlank());
        if (blankField) {
            return LocalResponse.json(400, "{\"message\":\"subject and email must not be blank\"}");
        }
        IssuedToken token = switch (role) {
            case "customer" -> {
                String subject = body.path("subject").asText("customer-1");
                yield identityProvider.issueCustomerToken(subject, body.path("email").asText(subject + "@example.com"));
            }
            case "admin" -> {
                String subject = body.path("subject").asText("admin-1");
                yield body.hasNonNull("email")
                        ? identityProvider.issueIdToken(subject, body.get("email").asText(),
                                List.of(LocalIdentityProvider.ADMIN_GROUP), LocalIdentityProvider.DEFAULT_TTL)
                        : identityProvider.issueAdminToken(subject);
            }
            default -> null;
        };
        if (token == null) {
            return LocalResponse.json(400, "{\"message\":\"role must be customer or admin\"}");
        }
        ObjectNode answer = json.createObjectNode()
                .put("token", token.token())
                .put("expiresAt", token.expiresAt().getEpochSecond());
        return LocalResponse.json(200, json.writeValueAsString(answer));
    }

    private static Map<String, JwtAuthorizer> everyNamedAuthorizer(List<HttpRoute> routes, JwtAuthorizer authorizer) {
        Objects.requireNonNull(authorizer, "authorizer");
        Map<String, JwtAuthorizer> byName = new HashMap<>();
        routes.stream().map(HttpRoute::authorizer).filter(Objects::nonNull)
                .forEach(name -> byName.put(name, authorizer));
        return byName;
    }

    private static IncomingRequest read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        byte[] body;
        try (var in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new IncomingRequest(
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
                uri.getRawQuery(),
                exchange.getRequestHeaders(),
                body,
                exchange.getProtocol(),
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getLocalAddress().getPort());
    }

    private static void write(HttpExchange exchange, HttpReply reply, String requestId) throws IOException {
        var headers = exchange.getResponseHeaders();
        reply.headers().forEach(header -> headers.add(header.getKey(), header.getValue()));
        headers.set("apigw-requestid", requestId);
        boolean bodyless = reply.body().length == 0
                || reply.status() == 204 || reply.status() == 304
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(reply.status(), bodyless ? -1 : reply.body().length);
        if (!bodyless) {
            try (var out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }
}
