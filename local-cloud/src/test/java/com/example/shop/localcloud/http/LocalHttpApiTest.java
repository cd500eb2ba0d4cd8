package com.example.shop.localcloud.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.localcloud.auth.AuthorizationOutcome.Authorized;
import com.example.shop.localcloud.auth.JwtAuthorizer;
import com.example.shop.localcloud.auth.LocalIdentityProvider;
import com.example.shop.localcloud.model.HttpRoute;
import com.example.shop.localcloud.model.JwtAuthorizerDef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class LocalHttpApiTest {

    private static final String ISSUER = "http://localhost:3000/local-idp";
    private static final String AUDIENCE = "shop-local-client";
    private static final Instant NOW = Instant.parse("2025-03-12T19:03:58.390Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final List<HttpRoute> ROUTES = List.of(
            new HttpRoute("POST", "/orders/{orderId}/cancel", "CancelOrderFunction", "CognitoAuthorizer"),
            new HttpRoute("GET", "/orders/{orderId}", "GetOrderFunction", "CognitoAuthorizer"),
            new HttpRoute("GET", "/products", "ListProductsFunction", null),
            new HttpRoute("ANY", "/files/{proxy+}", "FilesFunction", null),
            new HttpRoute("GET", "/boom", "BoomFunction", null),
            new HttpRoute("DELETE", "/products/{productId}", "DeleteProductFunction", "CognitoAuthorizer",
                    List.of("catalog/admin")),
            new HttpRoute("GET", "/partner/orders", "PartnerOrdersFunction", "PartnerAuthorizer"));

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final RecordingInvoker invoker = new RecordingInvoker();
    private LocalIdentityProvider idp;
    private LocalHttpApi api;

    @BeforeEach
    void start() {
        idp = new LocalIdentityProvider(ISSUER, AUDIENCE, CLOCK);
        var partner = new JwtAuthorizerDef("PartnerAuthorizer", "$request.header.X-Partner-Token", ISSUER,
                List.of(AUDIENCE));
        api = new LocalHttpApi(0, ROUTES, Map.of(
                "CognitoAuthorizer", JwtAuthorizer.trusting(idp, CLOCK),
                "PartnerAuthorizer", JwtAuthorizer.forDefinition(partner, idp.jwks(), CLOCK)),
                idp, invoker, CLOCK);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void protected_route_without_token_is401_and_nothing_is_invoked() throws Exception {
        HttpResponse<String> response = send(get("/orders/o-1").build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        assertThat(invoker.invocations).isEmpty();
    }

    @Test
    void expired_token_is401() throws Exception {
        String expired = idp.issue(Map.of("sub", "customer-1"), Duration.ofMinutes(-1)).bearer();

        HttpResponse<String> response = send(get("/orders/o-1").header("Authorization", expired).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("error=\"invalid_token\"").contains("expired"));
        assertThat(invoker.invocations).isEmpty();
    }

    @Test
    void token_signed_by_another_key_pair_is401() throws Exception {
        var impostor = new LocalIdentityProvider(ISSUER, AUDIENCE, CLOCK);
        String token = impostor.issueCustomerToken("customer-1", "customer-1@example.com").bearer();

        HttpResponse<String> response = send(get("/orders/o-1").header("Authorization", token).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(invoker.invocations).isEmpty();
    }

    @Test
    void token_for_another_audience_is401() throws Exception {
        String token = idp.issue(Map.of("sub", "customer-1", "aud", "another-client"), Duration.ofMinutes(5)).bearer();

        HttpResponse<String> response = send(get("/orders/o-1").header("Authorization", token).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("the token does not have a valid audience"));
        assertThat(invoker.invocations).isEmpty();
    }

    @Test
    void valid_customer_token_reaches_the_function_with_the_event_api_gateway_would_send() throws Exception {
        String token = idp.issueCustomerToken("customer-1", "customer-1@example.com").bearer();

        HttpResponse<String> response = send(post("/orders/o-42/cancel?reason=changed%20mind&notify=email&notify=sms",
                "{\"note\":\"too slow\"}")
                .header("Authorization", token)
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", "corr-1")
                .header("Cookie", "session=abc; theme=dark")
                .header("User-Agent", "shop-test")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(invoker.invocations).singleElement().satisfies(invocation -> {
            assertThat(invocation.function()).isEqualTo("CancelOrderFunction");
            APIGatewayV2HTTPEvent event = invocation.event();
            assertThat(event.getVersion()).isEqualTo("2.0");
            assertThat(event.getRouteKey()).isEqualTo("POST /orders/{orderId}/cancel");
            assertThat(event.getRawPath()).isEqualTo("/orders/o-42/cancel");
            assertThat(event.getRawQueryString()).isEqualTo("reason=changed%20mind&notify=email&notify=sms");
            assertThat(event.getPathParameters()).isEqualTo(Map.of("orderId", "o-42"));
            assertThat(event.getQueryStringParameters())
                    .isEqualTo(Map.of("reason", "changed mind", "notify", "email,sms"));
            assertThat(event.getHeaders())
                    .containsEntry("content-type", "application/json")
                    .containsEntry("x-correlation-id", "corr-1")
                    .containsEntry("authorization", token)
                    .doesNotContainKey("cookie");
            assertThat(event.getCookies()).containsExactly("session=abc", "theme=dark");
            assertThat(event.getBody()).isEqualTo("{\"note\":\"too slow\"}");
            assertThat(event.getIsBase64Encoded()).isFalse();

            var context = event.getRequestContext();
            assertThat(context.getRouteKey()).isEqualTo("POST /orders/{orderId}/cancel");
            assertThat(context.getStage()).isEqualTo("$default");
            assertThat(context.getAccountId()).isEqualTo("000000000000");
            assertThat(context.getApiId()).isEqualTo("local");
            assertThat(context.getRequestId()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
            assertThat(context.getTimeEpoch()).isEqualTo(NOW.toEpochMilli());
            assertThat(context.getTime()).isEqualTo("12/Mar/2025:19:03:58 +0000");
            assertThat(context.getHttp().getMethod()).isEqualTo("POST");
            assertThat(context.getHttp().getPath()).isEqualTo("/orders/o-42/cancel");
            assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
            assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
            assertThat(context.getHttp().getUserAgent()).isEqualTo("shop-test");
            assertThat(context.getAuthorizer().getJwt().getClaims())
                    .containsEntry("sub", "customer-1")
                    .containsEntry("email", "customer-1@example.com")
                    .containsEntry("cognito:groups", "[customer]")
                    .containsEntry("iss", ISSUER)
                    .containsEntry("aud", AUDIENCE);
        });
    }

    @Test
    void route_with_scopes_is403_for_a_valid_token_without_one_of_them() throws Exception {
        String customer = idp.issueCustomerToken("customer-1", "customer-1@example.com").bearer();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/products/p-1")).DELETE()
                .header("Authorization", customer).build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(response.headers().firstValue("www-authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("insufficient_scope"));
        assertThat(invoker.invocations).isEmpty();
    }

    @Test
    void route_with_scopes_admits_a_token_carrying_one_of_them() throws Exception {
        String scoped = idp.issue(Map.of("sub", "ops-7", "scope", "catalog/read catalog/admin"),
                Duration.ofMinutes(5)).bearer();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/products/p-1")).DELETE()
                .header("Authorization", scoped).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(invoker.invocations).singleElement().satisfies(invocation ->
                assertThat(invocation.event().getRequestContext().getAuthorizer().getJwt().getScopes())
                        .containsExactly("catalog/read", "catalog/admin"));
    }

    @Test
    void each_route_uses_the_authorizer_it_names_reading_that_authorizers_identity_source() throws Exception {
        String token = idp.issueCustomerToken("customer-1", "customer-1@example.com").token();

        HttpResponse<String> inAuthorization = send(get("/partner/orders").header("Authorization", token).build());
        HttpResponse<String> inPartnerHeader = send(get("/partner/orders").header("X-Partner-Token", token).build());

        assertThat(inAuthorization.statusCode()).isEqualTo(401);
        assertThat(inPartnerHeader.statusCode()).isEqualTo(200);
        assertThat(invoker.invocations).extracting(RecordingInvoker.Invocation::function)
                .containsExactly("PartnerOrdersFunction");
    }

    @Test
    void a_route_naming_an_unknown_authorizer_is_refused_at_startup() {
        List<HttpRoute> routes = List.of(new HttpRoute("GET", "/x", "XFunction", "NoSuchAuthorizer"));

        assertThatThrownBy(() -> new LocalHttpApi(0, routes, Map.of(), idp, invoker, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NoSuchAuthorizer");
    }

    @Test
    void every_request_gets_its_own_request_id() throws Exception {
        String first = send(get("/products").build()).headers().firstValue("apigw-requestid").orElseThrow();
        String second = send(get("/products").build()).headers().firstValue("apigw-requestid").orElseThrow();

        assertThat(first).isNotEqualTo(second);
        assertThat(invoker.invocations).extracting(i -> i.event().getRequestContext().getRequestId())
                .containsExactly(first, second);
    }

    @Test
    void public_route_works_without_token_and_carries_no_authorizer() throws Exception {
        HttpResponse<String> response = send(get("/products").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(invoker.invocations).singleElement().satisfies(invocation -> {
            assertThat(invocation.function()).isEqualTo("ListProductsFunction");
            assertThat(invocation.event().getRequestContext().getAuthorizer()).isNull();
            assertThat(invocation.event().getQueryStringParameters()).isNull();
        });
    }

    @Test
    void binary_upload_reaches_the_function_base64_encoded_through_a_greedy_route() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

        send(HttpRequest.newBuilder(uri("/files/img/logo.png")).PUT(BodyPublishers.ofByteArray(png))
                .header("Content-Type", "image/png").build());

        assertThat(invoker.invocations).singleElement().satisfies(invocation -> {
            assertThat(invocation.function()).isEqualTo("FilesFunction");
            assertThat(invocation.event().getRouteKey()).isEqualTo("ANY /files/{proxy+}");
            assertThat(invocation.event().getPathParameters()).isEqualTo(Map.of("proxy", "img/logo.png"));
            assertThat(invocation.event().getIsBase64Encoded()).isTrue();
            assertThat(Base64.getDecoder().decode(invocation.event().getBody())).isEqualTo(png);
        });
    }

    @Test
    void unknown_route_or_method_is404_like_api_gateway() throws Exception {
        HttpResponse<String> unknownPath = send(get("/nowhere").build());
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/products")).DELETE().build());

        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(invoker.invocations).isEmpty();
    }

    @Test
    void failing_function_is500_without_the_exceptions_text() throws Exception {
        HttpResponse<String> response = send(get("/boom").build());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
        assertThat(response.body()).doesNotContain(RecordingInvoker.SECRET);
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }

    @Test
    void function_response_status_headers_cookies_and_body_reach_the_client() throws Exception {
        invoker.responses.put("ListProductsFunction", APIGatewayV2HTTPResponse.builder()
                .withStatusCode(203)
                .withHeaders(Map.of("Content-Type", "application/json", "X-Total-Count", "2"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Accept", "Origin")))
                .withCookies(List.of("session=abc; HttpOnly", "theme=dark"))
                .withBody("[{\"sku\":\"A\"},{\"sku\":\"B\"}]")
                .build());

        HttpResponse<String> response = send(get("/products").build());

        assertThat(response.statusCode()).isEqualTo(203);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("x-total-count")).contains("2");
        assertThat(response.headers().allValues("vary")).containsExactly("Accept", "Origin");
        assertThat(response.headers().allValues("set-cookie")).containsExactlyInAnyOrder("session=abc; HttpOnly", "theme=dark");
        assertThat(response.body()).isEqualTo("[{\"sku\":\"A\"},{\"sku\":\"B\"}]");
    }

    @Test
    void function_response_base64_body_reaches_the_client_decoded() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0};
        invoker.responses.put("FilesFunction", APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "image/png"))
                .withBody(Base64.getEncoder().encodeToString(png)).withIsBase64Encoded(true).build());

        HttpResponse<byte[]> response = client.send(get("/files/logo.png").build(), BodyHandlers.ofByteArray());

        assertThat(response.body()).isEqualTo(png);
    }

    @Test
    void local_tokens_issues_a_customer_token_by_default_that_the_authorizer_accepts() throws Exception {
        HttpResponse<String> issued = send(post("/_local/tokens", "{}").build());

        assertThat(issued.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(issued.body());
        assertThat(body.get("expiresAt").asLong()).isEqualTo(NOW.getEpochSecond() + 3600);
        assertThat(JwtAuthorizer.trusting(idp, CLOCK).authorize(body.get("token").asText()))
                .isInstanceOfSatisfying(Authorized.class, authorized -> assertThat(authorized.claims())
                        .containsEntry("sub", "customer-1")
                        .containsEntry("email", "customer-1@example.com")
                        .containsEntry("cognito:groups", "[customer]"));

        HttpResponse<String> call = send(get("/orders/o-1")
                .header("Authorization", "Bearer " + body.get("token").asText()).build());
        assertThat(call.statusCode()).isEqualTo(200);
    }

    @Test
    void local_tokens_issues_admin_tokens() throws Exception {
        JsonNode body = json.readTree(send(post("/_local/tokens", "{\"role\":\"admin\",\"subject\":\"ops-7\"}").build()).body());

        send(get("/orders/o-1").header("Authorization", "Bearer " + body.get("token").asText()).build());

        assertThat(invoker.invocations).singleElement().satisfies(invocation ->
                assertThat(invocation.event().getRequestContext().getAuthorizer().getJwt().getClaims())
                        .containsEntry("sub", "ops-7")
                        .containsEntry("cognito:groups", "[admin]"));
    }

    @Test
    void local_tokens_refuses_an_unknown_role_or_bad_json() throws Exception {
        assertThat(send(post("/_local/tokens", "{\"role\":\"root\"}").build()).statusCode()).isEqualTo(400);
        assertThat(send(post("/_local/tokens", "not json").build()).statusCode()).isEqualTo(400);
        assertThat(send(post("/_local/tokens", "{\"email\":\" \"}").build()).statusCode()).isEqualTo(400);
    }

    @Test
    void local_jwks_serves_the_public_key() throws Exception {
        HttpResponse<String> response = send(get("/_local/jwks.json").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonNode key = json.readTree(response.body()).get("keys").get(0);
        assertThat(key.get("kid").asText()).isEqualTo(idp.keyId());
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.has("d")).isFalse();
    }

    @Test
    void registered_local_endpoint_is_served_with_its_path_parameters() throws Exception {
        api.registerLocalEndpoint("GET", "/_local/orders/{orderId}/timeline",
                request -> LocalResponse.json(200, "{\"orderId\":\"" + request.pathParameters().get("orderId")
                        + "\",\"since\":\"" + request.queryParameters().get("since") + "\"}"));

        HttpResponse<String> response = send(get("/_local/orders/o-9/timeline?since=10").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"orderId\":\"o-9\",\"since\":\"10\"}");
        assertThat(send(get("/_local/unknown").build()).statusCode()).isEqualTo(404);
    }

    @Test
    void failing_local_endpoint_is500_without_the_exceptions_text() throws Exception {
        api.registerLocalEndpoint("GET", "/_local/broken", request -> {
            throw new IllegalStateException(RecordingInvoker.SECRET);
        });

        HttpResponse<String> response = send(get("/_local/broken").build());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain(RecordingInvoker.SECRET);
    }

    @Test
    void local_endpoints_stay_under_the_local_prefix_and_are_not_registered_twice() {
        assertThatThrownBy(() -> api.registerLocalEndpoint("GET", "/orders/timeline", request -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> api.registerLocalEndpoint("POST", "/_local/tokens", request -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void port_zero_picks_a_free_port() {
        assertThat(api.port()).isPositive();
        assertThat(api.baseUri().getPort()).isEqualTo(api.port());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.ofString(body));
    }

    private URI uri(String pathAndQuery) {
        return api.baseUri().resolve(pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, BodyHandlers.ofString());
    }

    /** Plays the Lambda service: records every invocation and answers with a canned response. */
    private static final class RecordingInvoker implements HttpInvoker {

        static final String SECRET = "jdbc://orders-db password=hunter2";

        record Invocation(String function, APIGatewayV2HTTPEvent event) {
        }

        final List<Invocation> invocations = new CopyOnWriteArrayList<>();
        final Map<String, APIGatewayV2HTTPResponse> responses = new ConcurrentHashMap<>();

        @Override
        public APIGatewayV2HTTPResponse invoke(String functionLogicalId, APIGatewayV2HTTPEvent event) {
            invocations.add(new Invocation(functionLogicalId, event));
            if (functionLogicalId.equals("BoomFunction")) {
                throw new IllegalStateException(SECRET);
            }
            return responses.getOrDefault(functionLogicalId, APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody("{}")
                    .build());
        }
    }
}
