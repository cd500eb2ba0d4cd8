package com.example.shop.localcloud.console;

import com.example.shop.localcloud.backend.Backend;
import com.example.shop.localcloud.emulator.AwsClients;
import com.example.shop.localcloud.model.LocalSystem;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Archive;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ReplayDestination;
import software.amazon.awssdk.services.eventbridge.model.StartReplayResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays a time window from the bus archive, the operation of the runbook
 * ({@code docs/runbooks/replay-the-archive.md}): {@code StartReplay} from the template's
 * {@code ShopEventArchive} back onto the shop's bus, optionally restricted to one rule with
 * {@code FilterArns}, then {@code DescribeReplay} for its progress.
 *
 * <p>What the emulators lack is said here and nowhere else, and every answer carries it
 * ({@link #emulatorGap}) so that the console shows it beside the button: neither MiniStack nor
 * moto honours {@code FilterArns} (a replay reaches every rule on the bus, and every consumer but
 * the one meant skips the events as duplicates, which is the runbook's own safety argument), and
 * moto replays the whole archive whatever the window. Nothing is made up around them: a replay
 * here is the same call as on AWS, and its effects are what the emulator does with it.
 */
public final class ArchiveReplay {

    /** What a replay cannot do on each emulator, shown with every answer. */
    static String emulatorGap(Backend backend) {
        return switch (backend) {
            case MINISTACK -> "MiniStack ignores FilterArns: the replay reaches every rule on the bus, and"
                    + " consumers other than the chosen one skip the events as duplicates.";
            case MOTO -> "moto ignores FilterArns and the window: it replays the whole archive to every rule, and"
                    + " consumers skip what they already handled.";
            case LOCALSTACK -> "";
        };
    }

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
            .withZone(ZoneOffset.UTC);

    private final AwsClients clients;
    private final LocalSystem system;
    private final Backend backend;
    private final Clock clock;

    public ArchiveReplay(AwsClients clients, LocalSystem system, Backend backend, Clock clock) {
        this.clients = clients;
        this.system = system;
        this.backend = backend;
        this.clock = clock;
    }

    /** The archive, the rules a replay can be restricted to (logical id → rule name), and the gap. */
    public record State(String archiveName, String archiveState, long eventCount, Map<String, String> rules,
                        String emulatorGap) {
    }

    /** A replay as {@code DescribeReplay} tells it. */
    public record Replay(String name, String state, String reason, Instant from, Instant to, String rule,
                         String emulatorGap) {
    }

    /** The archive and the rules on the bus. */
    public State state() {
        try (EventBridgeClient events = clients.build(EventBridgeClient.builder())) {
            Archive archive = archive(events);
            long count = events.describeArchive(r -> r.archiveName(archive.archiveName())).eventCount();
            return new State(archive.archiveName(), archive.stateAsString(), count, rules(), emulatorGap(backend));
        }
    }

    /**
     * Starts a replay of {@code [from, to]} onto the bus, restricted to {@code ruleLogicalId} when
     * it is not {@code null}.
     *
     * @throws IllegalArgumentException when the window is empty or in the future, or the rule unknown
     */
    public Replay start(Instant from, Instant to, String ruleLogicalId) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the window must start before it ends");
        }
        if (to.isAfter(clock.instant().plus(Duration.ofMinutes(1)))) {
            throw new IllegalArgumentException("the window must not end in the future");
        }
        Map<String, String> rules = rules();
        if (ruleLogicalId != null && !rules.containsKey(ruleLogicalId)) {
            throw new IllegalArgumentException("no rule " + ruleLogicalId + " on the bus");
        }
        String name = "console-" + NAME_TIME.format(clock.instant()) + "-" + Long.toString(clock.millis() % 1000);
        try (EventBridgeClient events = clients.build(EventBridgeClient.builder())) {
            String bus = busName();
            String busArn = events.describeEventBus(r -> r.name(bus)).arn();
            Archive archive = archive(events);
            String archiveArn = events.describeArchive(r -> r.archiveName(archive.archiveName())).archiveArn();
            ReplayDestination.Builder destination = ReplayDestination.builder().arn(busArn);
            if (ruleLogicalId != null) {
                String ruleArn = events.describeRule(r -> r.name(rules.get(ruleLogicalId)).eventBusName(bus)).arn();
                destination.filterArns(List.of(ruleArn));
            }
            StartReplayResponse started = events.startReplay(r -> r.replayName(name)
                    .description("from the local console").eventSourceArn(archiveArn)
                    .eventStartTime(from).eventEndTime(to).destination(destination.build()));
            return new Replay(name, started.stateAsString(), started.stateReason(), from, to, ruleLogicalId,
                    emulatorGap(backend));
        }
    }

    /** A replay's progress. */
    public Replay describe(String name) {
        try (EventBridgeClient events = clients.build(EventBridgeClient.builder())) {
            DescribeReplayResponse replay = events.describeReplay(r -> r.replayName(name));
            List<String> filters = replay.destination() == null ? List.of() : replay.destination().filterArns();
            String rule = rules().entrySet().stream()
                    .filter(e -> filters.stream().anyMatch(arn -> arn.endsWith("/" + e.getValue())))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            return new Replay(replay.replayName(), replay.stateAsString(), replay.stateReason(),
                    replay.eventStartTime(), replay.eventEndTime(), rule, emulatorGap(backend));
        }
    }

    private Archive archive(EventBridgeClient events) {
        String busArn = events.describeEventBus(r -> r.name(busName())).arn();
        return events.listArchives(r -> r.eventSourceArn(busArn)).archives().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no archive on " + busArn));
    }

    private String busName() {
        return system.resource("ShopEventBus");
    }

    /** Rule logical id → rule name, for every rule of the template (a physical id may read {@code bus|rule}). */
    private Map<String, String> rules() {
        Map<String, String> rules = new TreeMap<>();
        system.resources().forEach((logicalId, physical) -> {
            if (logicalId.endsWith("Rule")) {
                rules.put(logicalId, physical.substring(physical.indexOf('|') + 1));
            }
        });
        return rules;
    }
}
