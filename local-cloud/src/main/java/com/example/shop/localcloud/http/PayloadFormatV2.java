package com.example.shop.localcloud.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.example.shop.localcloud.auth.AuthorizationOutcome.Authorized;
import com.example.shop.localcloud.http.RouteTable.RouteMatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * API Gateway's Lambda proxy payload format 2.0, both ways: a request becomes an
 * {@link APIGatewayV2HTTPEvent}, and a function's {@link APIGatewayV2HTTPResponse} becomes the
 * HTTP response.
 *
 * <p>Request side: header names lower case and duplicates comma-joined; the {@code cookie} header
 * moved into {@code cookies}; query parameters decoded and duplicates comma-joined; path
 * parameters decoded; fields with nothing in them ({@code cookies}, {@code queryStringParameters},
 * {@code pathParameters}, {@code authorizer}) left {@code null} as API Gateway leaves them out.
 * A text body (any {@code text/*}, JSON or XML type) is passed as is; any other body is
 * base64-encoded with {@code isBase64Encoded} set.
 *
 * <p>Response side: {@code headers} and {@code multiValueHeaders} are copied, every entry of
 * {@code cookies} becomes its own {@code Set-Cookie} header, and a base64 body is decoded.
 */
final class PayloadFormatV2 {

    static final String ACCOUNT_ID = "000000000000";
    static final String API_ID = "local";
    static final String STAGE = "$default";

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** Headers the server computes itself; a function cannot set them. */
    private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection");

    /** Thrown when a function's response is not one API Gateway could turn into HTTP. */
    static final class MalformedResponseException extends Exception {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    private PayloadFormatV2() {
    }

    static APIGatewayV2HTTPEvent toEvent(IncomingRequest request, RouteMatch match, Authorized authorized,
                                        String requestId, Instant now) {
        Map<String, String> headers = request.joinedHeaders();
        List<String> cookies = cookies(request.headers().get("cookie"));
        headers.remove("cookie");
        String forwardedFor = headers.get("x-forwarded-for");
        headers.put("x-forwarded-for",
                forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
        headers.put("x-forwarded-port", String.valueOf(request.localPort()));
        headers.put("x-forwarded-proto", "http");

        boolean base64 = request.body().length > 0 && !isText(headers.get("content-type"));
        String body = request.body().length == 0 ? null
                : base64 ? Base64.getEncoder().encodeToString(request.body())
                : new String(request.body(), StandardCharsets.UTF_8);

        String domainName = headers.getOrDefault("host", "localhost:" + request.localPort());
        RequestContext context = RequestContext.builder()
                .withAccountId(ACCOUNT_ID)
                .withApiId(API_ID)
                .withDomainName(domainName)
                .withDomainPrefix(domainPrefix(domainName))
                .withHttp(RequestContext.Http.builder()
                        .withMethod(request.method())
                        .withPath(request.rawPath())
                        .withProtocol(request.protocol())
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build())
                .withRequestId(requestId)
                .withRouteKey(match.routeKey())
                .withStage(STAGE)
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withAuthorizer(authorized == null ? null : RequestContext.Authorizer.builder()
                        .withJwt(RequestContext.Authorizer.JWT.builder()
                                .withClaims(authorized.claims())
                                .withScopes(authorized.scopes().isEmpty() ? null : authorized.scopes())
                                .build())
                        .build())
                .build();

        Map<String, String> query = request.queryParameters();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQuery())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(context)
                .build();
    }

    static HttpReply toReply(APIGatewayV2HTTPResponse response) throws MalformedResponseException {
        if (response == null) {
            throw new MalformedResponseException("the function returned no response");
        }
        int status = response.getStatusCode();
        if (status < 100 || status > 599) {
            throw new MalformedResponseException("the function returned status code " + status);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> addHeader(headers, name, value));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null) {
                    values.forEach(value -> addHeader(headers, name, value));
                }
            });
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> addHeader(headers, "Set-Cookie", cookie));
        }
        byte[] body;
        if (response.getBody() == null) {
            body = new byte[0];
        } else if (response.getIsBase64Encoded()) {
            try {
                body = Base64.getDecoder().decode(response.getBody());
            } catch (IllegalArgumentException e) {
                throw new MalformedResponseException("the function's body is marked base64 but is not");
            }
        } else {
            body = response.getBody().getBytes(StandardCharsets.UTF_8);
        }
        return new HttpReply(status, headers, body);
    }

    /** Whether API Gateway would pass a body of this type as text rather than base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.startsWith("text/")
                || mediaType.equals("application/json") || mediaType.endsWith("+json")
                || mediaType.equals("application/xml") || mediaType.endsWith("+xml")
                || mediaType.equals("application/javascript");
    }

    private static List<String> cookies(List<String> cookieHeaders) {
        if (cookieHeaders == null) {
            return List.of();
        }
        return cookieHeaders.stream()
                .flatMap(header -> Arrays.stream(header.split(";")))
                .map(String::strip)
                .filter(cookie -> !cookie.isEmpty())
                .toList();
    }

    private static String domainPrefix(String domainName) {
        String host = domainName.split(":", 2)[0];
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    private static void addHeader(List<Map.Entry<String, String>> headers, String name, String value) {
        if (name != null && value != null && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
            headers.add(Map.entry(name, value));
        }
    }
}
