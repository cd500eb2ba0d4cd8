package com.example.shop.localcloud.deploy;

import java.util.Set;

/**
 * What one emulator needs done differently to hold the template: every backend's deploy quirks in
 * one value, so the deployer itself is the same for every emulator. Each quirk is documented in
 * {@code docs/emulators.md}, where the fidelity matrix names the test behind it.
 *
 * @param emulator                 the emulator's short name, for logs and messages
 * @param motoRewrites             rewrite what moto's CloudFormation answers HTTP 500 on into AWS
 *                                 equivalents ({@link MotoRewrites})
 * @param createdWithSdk           resource types kept out of the stack and created with the SDK
 *                                 once it exists, because the emulator's CloudFormation skips or
 *                                 refuses them (see {@link EmulatorGaps})
 * @param metricMathAlarms         whether its CloudFormation creates alarms on metric math; if not,
 *                                 they are left out of the stack and named in the deploy log
 *                                 ({@link MetricMathAlarms})
 * @param deliversLogGroupTargets  whether its EventBridge writes to a CloudWatch Logs target as AWS
 *                                 does (for an input-transformed event, its {@code message} at its
 *                                 {@code timestamp}); if not, the local cloud forwards such a
 *                                 target's events itself ({@code backend.LogGroupTargetForwarder})
 */
public record DeployQuirks(String emulator, boolean motoRewrites, Set<String> createdWithSdk,
                           boolean metricMathAlarms, boolean deliversLogGroupTargets) {

    public DeployQuirks {
        createdWithSdk = Set.copyOf(createdWithSdk);
    }

    /**
     * moto 5.2: answers 500 on {@code Ref} of a bus and on an archive pattern object; accepts but
     * never creates SNS subscriptions, queue policies and SES identities; writes an input-transformed
     * event to a log group whole, {@code {"timestamp", "message"}} as the line, where AWS writes the
     * message.
     */
    public static DeployQuirks moto() {
        return new DeployQuirks("moto", true,
                Set.of("AWS::SNS::Subscription", "AWS::SQS::QueuePolicy", "AWS::SES::EmailIdentity"), true, false);
    }

    /**
     * MiniStack 1.5: refuses the whole template if it holds an {@code AWS::Events::Archive}, fails
     * metric-math alarms, and stores a rule's log group target without ever delivering to it.
     * Everything else the template declares it creates natively.
     */
    public static DeployQuirks miniStack() {
        return new DeployQuirks("ministack", false, Set.of("AWS::Events::Archive"), false, false);
    }

    /** LocalStack 4.14, run where Docker is: deployed the way moto is, which it accepts as well. */
    public static DeployQuirks localStack() {
        return new DeployQuirks("localstack", true,
                Set.of("AWS::SNS::Subscription", "AWS::SQS::QueuePolicy", "AWS::SES::EmailIdentity"), true, true);
    }
}
