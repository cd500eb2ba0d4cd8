package com.example.shop.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The stand-in for AWS while a function primes ({@link Priming}): an HTTP server on the loopback
 * interface, alive only for the priming run, that answers every request as a successful call
 * with nothing in it — an empty JSON object (DynamoDB: no item, writes accepted), and for
 * EventBridge's {@code PutEvents} one event id per entry, so the publisher sees its events accepted
 * and does not retry. Query-protocol services (SNS) get an empty XML document.
 */
final class PrimingEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The endpoint answering the calling thread's AWS requests, bound only while it primes. */
    private static final ScopedValue<PrimingEndpoint> ANSWERING = ScopedValue.newInstance();

    private final HttpServer server;
    private final AtomicLong answered = new AtomicLong();

    private PrimingEndpoint(HttpServer server) {
        this.server = server;
    }

    static PrimingEndpoint start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        PrimingEndpoint endpoint = new PrimingEndpoint(server);
        server.createContext("/", endpoint::answer);
        server.start();
        return endpoint;
    }

    /** Runs {@code work} with every AWS request of this thread answered here. */
    <T> T answerWhile(ScopedValue.CallableOp<T, ? extends Exception> work) throws Exception {
        return ScopedValue.where(ANSWERING, this).call(work);
    }

    /** Whether the calling thread is priming, and so must send nothing to AWS. */
    static boolean answering() {
        return ANSWERING.isBound();
    }

    /** The endpoint answering the calling thread while it primes. */
    static PrimingEndpoint current() {
        return ANSWERING.get();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    long requestsAnswered() {
        return answered.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
        byte[] body;
        if (contentType.contains("x-www-form-urlencoded")) {
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            body = "<PrimingResponse/>".getBytes(StandardCharsets.UTF_8);
        } else {
            exchange.getResponseHeaders().set("Content-Type", contentType.startsWith("application/x-amz-json")
                    ? contentType : "application/json");
            body = (target.endsWith(".PutEvents") ? putEventsAccepted(request) : "{}").getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        answered.incrementAndGet();
    }

    private static String putEventsAccepted(byte[] request) throws IOException {
        JsonNode entries = JSON.readTree(request).path("Entries");
        StringBuilder answer = new StringBuilder("{\"FailedEntryCount\":0,\"Entries\":[");
        for (int i = 0; i < entries.size(); i++) {
            answer.append(i == 0 ? "" : ",").append("{\"EventId\":\"priming-").append(i).append("\"}");
        }
        return answer.append("]}").toString();
    }

    @Override
    public void close() {
        // no connection may outlive priming into the snapshot
        server.stop(0);
    }
}
