package com.example.shop.localcloud.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * A translated (plain CloudFormation) template split into what the emulator creates and what the
 * local cloud plays or applies itself; {@link #of} runs the steps in order, each a class of its own:
 * <ol>
 *   <li>the emulator's quirks ({@link DeployQuirks}): {@link MotoRewrites} rewrites what moto's
 *       CloudFormation refuses into equivalents, {@link MetricMathAlarms} leaves out what an
 *       emulator without metric math cannot create;</li>
 *   <li>{@link PlayedResources}: find what the local runtime plays and what else leaves the stack;</li>
 *   <li>{@link LambdaResources}, {@link HttpApiResources}: read what the runtime needs of the
 *       functions, event source mappings, routes and authorizers;</li>
 *   <li>{@link EmulatorGaps}: read what the deployer makes up for after the emulator;</li>
 *   <li>{@link RuntimeOutputs}: every intrinsic value read on the way becomes an extra stack output
 *       of the emulator's stack.</li>
 * </ol>
 *
 * <p>Pure: no I/O, so the splitting is tested on a captured translation.
 *
 * @param stack            the template to create on the emulator: stripped, rewritten for moto,
 *                         with the extra outputs
 * @param strippedTypes    logical id → type of every resource left out of the stack because the
 *                         local cloud plays it
 * @param extraOutputNames the outputs added for the local cloud's own use, on top of the template's
 * @param lambda           the functions and event source mappings the local Lambda service plays
 * @param httpApis         the routes and authorizers the local HTTP API plays
 * @param emulatorGaps     what the deployer applies or reads itself once the stack exists
 * @param leftOut          logical id → why, of every resource left out because the emulator cannot
 *                         create it and nothing local makes up for it (logged at deploy)
 */
record LocalTemplate(ObjectNode stack, Map<String, String> strippedTypes, Set<String> extraOutputNames,
                     LambdaResources lambda, HttpApiResources httpApis, EmulatorGaps emulatorGaps,
                     Map<String, String> leftOut) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    LocalTemplate {
        strippedTypes = Map.copyOf(strippedTypes);
        extraOutputNames = Set.copyOf(extraOutputNames);
        leftOut = Map.copyOf(leftOut);
    }

    /** Splits a translated template for moto; {@code translated} itself is left untouched. */
    static LocalTemplate of(JsonNode translated) {
        return of(translated, DeployQuirks.moto());
    }

    /** Splits a translated template for the emulator {@code quirks} describe. */
    static LocalTemplate of(JsonNode translated, DeployQuirks quirks) {
        if (translated == null || !translated.path("Resources").isObject()) {
            throw new LocalDeployException("Not a CloudFormation template: it has no Resources");
        }
        ObjectNode template = translated.deepCopy();
        if (quirks.motoRewrites()) {
            MotoRewrites.apply(template);
        }
        Map<String, String> leftOut = quirks.metricMathAlarms() ? Map.of() : MetricMathAlarms.leaveOut(template);
        TemplateResources resources = new TemplateResources(template);
        PlayedResources played = PlayedResources.strip(resources, quirks.createdWithSdk());
        RuntimeOutputs outputs = new RuntimeOutputs(template, played);
        LambdaResources lambda = LambdaResources.read(resources, outputs);
        HttpApiResources httpApis = HttpApiResources.read(resources, outputs);
        EmulatorGaps emulatorGaps = EmulatorGaps.read(resources, played, outputs);
        return new LocalTemplate(played.stack(template, outputs.extraOutputs()), played.strippedTypes(),
                outputs.extraOutputs().keySet(), lambda, httpApis, emulatorGaps, leftOut);
    }

    /** The stack template as JSON text, as CreateStack takes it. */
    String stackJson() {
        try {
            return MAPPER.writeValueAsString(stack);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Jackson tree always serialises", e);
        }
    }
}
