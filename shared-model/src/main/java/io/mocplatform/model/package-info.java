/**
 * The vocabulary every function shares: jobs, images, queue messages, alerts, their wire formats and how they are
 * stored. Plain Java records and enums; the {@code persistence} package alone knows DynamoDB.
 */
package io.mocplatform.model;
