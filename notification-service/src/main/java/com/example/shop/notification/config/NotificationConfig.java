package com.example.shop.notification.config;

import com.example.shop.platform.FunctionEnvironment;

import java.util.Map;

/**
 * The settings of the notification service's functions, read once from the environment and
 * checked before anything is built, so a wrong template entry fails the init with a message
 * naming it. Each function is given only the variables it uses; the others are {@code null}.
 *
 * @param notificationsTable {@code NOTIFICATIONS_TABLE}: the service's table (contacts, delivery
 *                           log, recorded texts, processed-event markers)
 * @param customerNotificationsTopicArn {@code CUSTOMER_NOTIFICATIONS_TOPIC_ARN}: the topic rendered
 *                                      notifications are published to, or {@code null}
 * @param senderEmail {@code SENDER_EMAIL}: the verified address e-mails are sent from, or {@code null}
 */
public record NotificationConfig(String notificationsTable, String customerNotificationsTopicArn, String senderEmail) {

    public NotificationConfig {
        if (notificationsTable == null || notificationsTable.isBlank()) {
            throw new IllegalArgumentException("NOTIFICATIONS_TABLE must name the notifications table");
        }
        if (customerNotificationsTopicArn != null && !customerNotificationsTopicArn.startsWith("arn:")) {
            throw new IllegalArgumentException("CUSTOMER_NOTIFICATIONS_TOPIC_ARN must be an SNS topic ARN but was '"
                    + customerNotificationsTopicArn + "'");
        }
        if (senderEmail != null && (senderEmail.indexOf('@') < 1 || senderEmail.endsWith("@"))) {
            throw new IllegalArgumentException("SENDER_EMAIL must be an e-mail address but was '" + senderEmail + "'");
        }
    }

    /** Reads and checks the settings. */
    public static NotificationConfig from(Map<String, String> env) {
        return new NotificationConfig(FunctionEnvironment.required(env, "NOTIFICATIONS_TABLE"),
                optional(env, "CUSTOMER_NOTIFICATIONS_TOPIC_ARN"), optional(env, "SENDER_EMAIL"));
    }

    /** The notifications topic, for the function that publishes; fails at init when it is not set. */
    public String requireCustomerNotificationsTopicArn() {
        return require(customerNotificationsTopicArn, "CUSTOMER_NOTIFICATIONS_TOPIC_ARN");
    }

    /** The sender address, for the function that e-mails; fails at init when it is not set. */
    public String requireSenderEmail() {
        return require(senderEmail, "SENDER_EMAIL");
    }

    private static String require(String value, String name) {
        if (value == null) {
            throw new IllegalStateException("Environment variable " + name + " is not set; the function's "
                    + "template entry must define it");
        }
        return value;
    }

    private static String optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
