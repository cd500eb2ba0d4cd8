package com.example.shop.localcloud.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.localcloud.auth.AuthorizationOutcome.Authorized;
import com.example.shop.localcloud.http.PayloadFormatV2.MalformedResponseException;
import com.example.shop.localcloud.http.RouteTable.RouteMatch;
import com.example.shop.localcloud.model.HttpRoute;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class PayloadFormatV2Test {

    private static final Instant NOW = Instant.parse("2020-03-12T19:03:58.390Z");
    private static final RouteMatch ROUTE = new RouteMatch(
            new HttpRoute("GET", "/orders/{orderId}", "GetOrderFunction", "CognitoAuthorizer"),
            Map.of("orderId", "o 1"));

    @Test
    void request_becomes_a_payload_format2_event() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json", "text/plain"));
        headers.put("Cookie", List.of("session=abc; theme=dark"));
        headers.put("Host", List.of("localhost:3000"));
        headers.put("User-agent", List.of("curl/8"));
        var request = new IncomingRequest("GET", "/orders/o%201", "expand=lines&expand=payment&flag&q=a%2Bb+c",
                headers, new byte[0], "HTTP/1.1", "127.0.0.1", 3000);
        var authorized = new Authorized(Map.of("sub", "customer-1", "cognito:groups", "[customer]"), List.of());

        APIGatewayV2HTTPEvent event = PayloadFormatV2.toEvent(request, ROUTE, authorized, "req-1", NOW);

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /orders/{orderId}");
        assertThat(event.getRawPath()).isEqualTo("/orders/o%201");
        assertThat(event.getRawQueryString()).isEqualTo("expand=lines&expand=payment&flag&q=a%2Bb+c");
        assertThat(event.getQueryStringParameters())
                .containsExactly(entry("expand", "lines,payment"), entry("flag", ""), entry("q", "a+b c"));
        assertThat(event.getPathParameters()).containsExactly(entry("orderId", "o 1"));
        assertThat(event.getCookies()).containsExactly("session=abc", "theme=dark");
        assertThat(event.getHeaders())
                .containsEntry("accept", "application/json,text/plain")
                .containsEntry("host", "localhost:3000")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-proto", "http")
                .doesNotContainKey("cookie")
                .allSatisfy((name, value) -> assertThat(name).isLowerCase());
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();

        var context = event.getRequestContext();
        assertThat(context.getAccountId()).isEqualTo("000000000000");
        assertThat(context.getApiId()).isEqualTo("local");
        assertThat(context.getDomainName()).isEqualTo("localhost:3000");
        assertThat(context.getDomainPrefix()).isEqualTo("localhost");
        assertThat(context.getRequestId()).isEqualTo("req-1");
        assertThat(context.getRouteKey()).isEqualTo("GET /orders/{orderId}");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getTime()).isEqualTo("12/Mar/2020:19:03:58 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(1584039838390L);
        assertThat(context.getHttp().getMethod()).isEqualTo("GET");
        assertThat(context.getHttp().getPath()).isEqualTo("/orders/o%201");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("curl/8");
        assertThat(context.getAuthorizer().getJwt().getClaims()).containsEntry("sub", "customer-1");
        assertThat(context.getAuthorizer().getJwt().getScopes()).isNull();
    }

    @Test
    void empty_parts_of_the_request_are_left_out_as_api_gateway_leaves_them_out() {
        var request = new IncomingRequest("GET", "/products", null, Map.of(), null, "HTTP/1.1", "127.0.0.1", 3000);
        var publicRoute = new RouteMatch(new HttpRoute("GET", "/products", "ListProductsFunction", null), Map.of());

        APIGatewayV2HTTPEvent event = PayloadFormatV2.toEvent(request, publicRoute, null, "req-2", NOW);

        assertThat(event.getRawQueryString()).isEmpty();
        assertThat(event.getQueryStringParameters()).isNull();
        assertThat(event.getPathParameters()).isNull();
        assertThat(event.getCookies()).isNull();
        assertThat(event.getRequestContext().getAuthorizer()).isNull();
    }

    @Test
    void text_bodies_pass_as_text_other_bodies_as_base64() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0};
        var json = request("application/json; charset=utf-8", "{\"quantity\":2}".getBytes(StandardCharsets.UTF_8));
        var binary = request("image/png", png);
        var untyped = request(null, png);

        assertThat(PayloadFormatV2.toEvent(json, ROUTE, null, "r", NOW))
                .satisfies(e -> assertThat(e.getBody()).isEqualTo("{\"quantity\":2}"))
                .satisfies(e -> assertThat(e.getIsBase64Encoded()).isFalse());
        assertThat(PayloadFormatV2.toEvent(binary, ROUTE, null, "r", NOW))
                .satisfies(e -> assertThat(Base64.getDecoder().decode(e.getBody())).isEqualTo(png))
                .satisfies(e -> assertThat(e.getIsBase64Encoded()).isTrue());
        assertThat(PayloadFormatV2.toEvent(untyped, ROUTE, null, "r", NOW).getIsBase64Encoded()).isTrue();
        assertThat(PayloadFormatV2.isText("text/csv")).isTrue();
        assertThat(PayloadFormatV2.isText("application/problem+json")).isTrue();
        assertThat(PayloadFormatV2.isText("application/octet-stream")).isFalse();
    }

    @Test
    void response_headers_multi_value_headers_cookies_and_body_are_mapped() throws Exception {
        var response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "application/json", "Content-Length", "999"))
                .withMultiValueHeaders(Map.of("Vary", List.of("Accept", "Origin")))
                .withCookies(List.of("session=abc; HttpOnly", "theme=dark"))
                .withBody("{\"orderId\":\"o-1\"}")
                .build();

        HttpReply reply = PayloadFormatV2.toReply(response);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers()).containsExactlyInAnyOrder(
                Map.entry("Content-Type", "application/json"),
                Map.entry("Vary", "Accept"), Map.entry("Vary", "Origin"),
                Map.entry("Set-Cookie", "session=abc; HttpOnly"), Map.entry("Set-Cookie", "theme=dark"));
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"orderId\":\"o-1\"}");
    }

    @Test
    void response_base64_body_is_decoded() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        var response = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withBody(Base64.getEncoder().encodeToString(png)).withIsBase64Encoded(true).build();

        assertThat(PayloadFormatV2.toReply(response).body()).isEqualTo(png);
    }

    @Test
    void response_that_api_gateway_could_not_use_is_refused() {
        assertThatThrownBy(() -> PayloadFormatV2.toReply(null)).isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> PayloadFormatV2.toReply(new APIGatewayV2HTTPResponse()))
                .isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> PayloadFormatV2.toReply(APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withBody("not base64!").withIsBase64Encoded(true).build()))
                .isInstanceOf(MalformedResponseException.class);
    }

    private static IncomingRequest request(String contentType, byte[] body) {
        Map<String, List<String>> headers = contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
        return new IncomingRequest("POST", "/orders/o-1", "", headers, body, "HTTP/1.1", "127.0.0.1", 3000);
    }
}
