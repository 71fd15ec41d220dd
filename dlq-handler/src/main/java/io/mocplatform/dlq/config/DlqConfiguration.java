package io.mocplatform.dlq.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

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
 * @param runbookUrl     {@code DLQ_RUNBOOK_URL}, the runbook document that alert links point into: an absolute URL
 *                       (alerts are read in mail and chat, where a repository-relative link leads nowhere),
 *                       without a fragment (each alert appends its section's anchor)
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

    private static final Set<String> RUNBOOK_SCHEMES = Set.of("https", "http", "file");

    public DlqConfiguration {
        requireAbsoluteRunbookUrl(runbookUrl);
    }

    private static void requireAbsoluteRunbookUrl(String runbookUrl) {
        if (runbookUrl == null || runbookUrl.isBlank()) {
            return; // @NotBlank reports it with the property's name
        }
        String problem;
        try {
            URI uri = new URI(runbookUrl);
            if (!uri.isAbsolute() || !RUNBOOK_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                problem = "is not an absolute https:// (or file:) URL";
            } else if (uri.getRawFragment() != null) {
                problem = "has a #fragment (each alert appends its own section's anchor)";
            } else if (!"file".equalsIgnoreCase(uri.getScheme()) && (uri.getHost() == null || uri.getHost().isBlank())) {
                problem = "has no host";
            } else {
                return;
            }
        } catch (URISyntaxException e) {
            problem = "is not a URL (" + e.getReason() + ")";
        }
        throw new IllegalArgumentException("dlq.runbook-url (environment variable DLQ_RUNBOOK_URL) '" + runbookUrl
                + "' " + problem + ": alert links must open outside the repository, e.g. "
                + "https://github.com/<owner>/<repo>/blob/main/docs/runbook.md");
    }
}
