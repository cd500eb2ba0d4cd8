/**
 * The in-JVM Lambda service of the local cloud: it hosts the real handler classes, polls their
 * SQS queues and DynamoDB streams the way Lambda's event source mappings do, and invokes them with
 * the real {@code aws-lambda-java-events} objects and a proper {@code Context}. Where it departs
 * from AWS (one JVM, a short retry delay instead of the full visibility timeout) the class that
 * does so says why.
 */
package com.example.shop.localcloud.runtime;
