package io.mocplatform.dlq.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * Settings of the dlq-handler ({@code dlq.*}); application.yml fills the resource names from the environment
 * variables Terraform sets.
 *
 * @param environment    {@code APP_ENV}
 * @param jobsTable      {@code JOBS_TABLE}
 * @param alertsTopicArn {@code ALERTS_TOPIC_ARN}
 * @param jobsQueueArn   {@code JOBS_QUEUE_ARN}, the redrive destination named in alerts
 * @param jobsDlqArn     {@code JOBS_DLQ_ARN}, the redrive source named in alerts
 * @param stormThreshold dead messages per window that still get an alert each
 * @param stormWindow    length of the storm-control window
 * @param runbookUrl     the runbook document that alert links point into
 * @param rawBodyLimit   characters of an unreadable body kept in the alert
 * @param markerRetention how long the alert bookkeeping records are kept
 * @param claimTimeout   age after which an unconfirmed alert claim is taken over (longer than the function timeout)
 */
@ConfigurationProperties("dlq")
public record DlqConfiguration(@NotBlank String environment, @NotBlank String jobsTable,
                               @NotBlank String alertsTopicArn, @NotBlank String jobsQueueArn,
                               @NotBlank String jobsDlqArn, @Min(1) int stormThreshold, @NotNull Duration stormWindow,
                               @NotBlank String runbookUrl, @Min(64) @Max(4096) int rawBodyLimit,
                               @NotNull Duration markerRetention, @NotNull Duration claimTimeout) {
}
