package io.mocplatform.dlq.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * What the dead-letter handling is configured with.
 *
 * @param environment      deployment environment named in alerts and dedup keys
 * @param jobsQueueArn     where a redrive moves dead messages back to
 * @param jobsDlqArn       the dead-letter queue itself
 * @param stormThreshold   dead messages per window that still get one alert each; more make a storm
 * @param stormWindow      length of the counting window
 * @param runbookUrl       the runbook document; alert links add the section anchor
 * @param rawBodyLimit     characters of an unreadable body kept in the alert
 * @param markerRetention  how long the per-message and per-window records are kept (the DLQ keeps messages 14 days)
 * @param claimTimeout     how long an unconfirmed alert claim is taken to mean "being published right now"; older,
 *                         it means the invocation that made it died, and a redelivery claims it again and publishes.
 *                         Must be longer than the function timeout, or a slow but alive publish gets a duplicate
 */
public record DeadLetterPolicy(String environment, String jobsQueueArn, String jobsDlqArn, int stormThreshold,
                               Duration stormWindow, String runbookUrl, int rawBodyLimit, Duration markerRetention,
                               Duration claimTimeout) {

    public DeadLetterPolicy {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(jobsQueueArn, "jobs queue ARN");
        Objects.requireNonNull(jobsDlqArn, "jobs DLQ ARN");
        Objects.requireNonNull(stormWindow, "storm window");
        Objects.requireNonNull(runbookUrl, "runbook URL");
        Objects.requireNonNull(markerRetention, "marker retention");
        Objects.requireNonNull(claimTimeout, "claim timeout");
        if (stormThreshold < 1) {
            throw new IllegalArgumentException("storm threshold must be >= 1, got " + stormThreshold);
        }
        if (stormWindow.isNegative() || stormWindow.isZero()) {
            throw new IllegalArgumentException("storm window must be positive, got " + stormWindow);
        }
        if (claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("claim timeout must be positive, got " + claimTimeout);
        }
    }

    /** The exact command that moves every dead message back to the jobs queue. */
    public String redriveCommand() {
        return "aws sqs start-message-move-task --source-arn " + jobsDlqArn + " --destination-arn " + jobsQueueArn;
    }
}
