package com.example.shop.localcloud.faults;

import com.example.shop.localcloud.http.LocalHttpApi;
import com.example.shop.localcloud.http.LocalRequest;
import com.example.shop.localcloud.http.LocalResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fault-injection switch on the local HTTP API:
 * <ul>
 *   <li>{@code GET /_local/faults} → 200 {@code {"faults":[{"target":"ChargePaymentFunction","kind":"THROW","rate":0.2}]}};</li>
 *   <li>{@code PUT /_local/faults} with {@code {"target":"<logical id>|*","kind":"THROW|TIMEOUT|THROTTLE","rate":0.0-1.0}}
 *       → 200 with the list; rate 0 removes that fault; anything else → 400 problem+json;</li>
 *   <li>{@code DELETE /_local/faults} → 200 with the empty list.</li>
 * </ul>
 *
 * @param faults    the switch
 * @param functions the functions' logical ids, which a target must name (or {@code *})
 */
public record FaultEndpoints(FaultInjection faults, Set<String> functions) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("target", "kind", "rate");

    public FaultEndpoints {
        functions = Set.copyOf(functions);
    }

    /** Serves the three endpoints on {@code api}. */
    public void register(LocalHttpApi api) {
        api.registerLocalEndpoint("GET", "/_local/faults", request -> list(faults.list()));
        api.registerLocalEndpoint("PUT", "/_local/faults", this::put);
        api.registerLocalEndpoint("DELETE", "/_local/faults", request -> list(faults.clear()));
    }

    private LocalResponse put(LocalRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return badRequest("The body is not JSON");
        }
        if (body == null || !body.isObject()) {
            return badRequest("The body must be a JSON object {\"target\":…,\"kind\":…,\"rate\":…}");
        }
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                return badRequest("Unknown field " + name + "; a fault has target, kind and rate");
            }
        }
        JsonNode target = body.get("target");
        JsonNode kind = body.get("kind");
        JsonNode rate = body.get("rate");
        if (target == null || !target.isTextual()) {
            return badRequest("target must be a function's logical id or \"*\"");
        }
        if (!target.asText().equals(Fault.EVERY_FUNCTION) && !functions.contains(target.asText())) {
            return badRequest("No function " + target.asText() + " in the template");
        }
        if (kind == null || !kind.isTextual() || !Set.of("THROW", "TIMEOUT", "THROTTLE").contains(kind.asText())) {
            return badRequest("kind must be THROW, TIMEOUT or THROTTLE");
        }
        if (rate == null || !rate.isNumber() || !(rate.asDouble() >= 0 && rate.asDouble() <= 1)) {
            return badRequest("rate must be a number from 0 to 1");
        }
        return list(faults.set(new Fault(target.asText(), FaultKind.valueOf(kind.asText().toUpperCase(Locale.ROOT)),
                rate.asDouble())));
    }

    private static LocalResponse list(List<Fault> set) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode array = answer.putArray("faults");
        set.forEach(fault -> array.addObject().put("target", fault.target()).put("kind", fault.kind().name())
                .put("rate", fault.rate()));
        return LocalResponse.json(200, answer.toString());
    }

    private static LocalResponse badRequest(String detail) {
        return LocalResponse.problem(400, "Bad Request", detail);
    }
}
