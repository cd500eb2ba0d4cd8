package com.example.shop.localcloud.faults;

import com.example.shop.localcloud.auth.LocalIdentityProvider;
import com.example.shop.localcloud.http.LocalHttpApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The switch's HTTP contract on the local API, which the web console relies on. */
@Timeout(30)
class FaultEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final FaultInjection faults = FaultInjection.off();
    private LocalHttpApi api;

    @BeforeEach
    void start() {
        var idp = new LocalIdentityProvider("https://local-idp.test", "client", Clock.systemUTC());
        api = new LocalHttpApi(0, List.of(), Map.of(), idp, (function, event) -> {
            throw new AssertionError("no route is invoked");
        }, Clock.systemUTC());
        new FaultEndpoints(faults, Set.of("ChargePaymentFunction", "ReserveStockFunction")).register(api);
    }

    @AfterEach
    void stop() {
        api.close();
        http.close();
    }

    @Test
    void get_lists_nothing_at_first() throws Exception {
        HttpResponse<String> response = send("GET", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"faults\":[]}");
    }

    @Test
    void put_sets_a_fault_and_answers_the_list() throws Exception {
        HttpResponse<String> response = send("PUT", "{\"target\":\"ChargePaymentFunction\",\"kind\":\"THROW\",\"rate\":0.2}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"faults\":[{\"target\":\"ChargePaymentFunction\",\"kind\":\"THROW\",\"rate\":0.2}]}");
        assertThat(faults.list()).containsExactly(new Fault("ChargePaymentFunction", FaultKind.THROW, 0.2));
        assertThat(send("GET", null).body()).isEqualTo(response.body());
    }

    @Test
    void put_with_rate_zero_removes_that_fault_only() throws Exception {
        send("PUT", "{\"target\":\"ChargePaymentFunction\",\"kind\":\"THROW\",\"rate\":0.2}");
        send("PUT", "{\"target\":\"*\",\"kind\":\"THROTTLE\",\"rate\":0.05}");

        HttpResponse<String> response = send("PUT", "{\"target\":\"ChargePaymentFunction\",\"kind\":\"THROW\",\"rate\":0}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"faults\":[{\"target\":\"*\",\"kind\":\"THROTTLE\",\"rate\":0.05}]}");
    }

    @Test
    void delete_removes_every_fault() throws Exception {
        send("PUT", "{\"target\":\"*\",\"kind\":\"TIMEOUT\",\"rate\":0.1}");

        HttpResponse<String> response = send("DELETE", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"faults\":[]}");
        assertThat(faults.list()).isEmpty();
    }

    @Test
    void bad_input_is_a_400_problem_and_changes_nothing() throws Exception {
        for (String body : List.of("not json", "[]", "{\"target\":\"NoSuchFunction\",\"kind\":\"THROW\",\"rate\":0.2}",
                "{\"target\":\"*\",\"kind\":\"EXPLODE\",\"rate\":0.2}", "{\"target\":\"*\",\"kind\":\"THROW\",\"rate\":1.5}",
                "{\"target\":\"*\",\"kind\":\"THROW\",\"rate\":\"0.2\"}", "{\"target\":\"*\",\"kind\":\"THROW\"}",
                "{\"target\":\"*\",\"kind\":\"THROW\",\"rate\":0.2,\"seed\":1}")) {
            HttpResponse<String> response = send("PUT", body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
            assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(400);
            assertThat(json.readTree(response.body()).path("detail").asText()).isNotBlank();
        }
        assertThat(faults.list()).isEmpty();
    }

    private HttpResponse<String> send(String method, String body) throws Exception {
        var request = HttpRequest.newBuilder(api.baseUri().resolve("/_local/faults"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
