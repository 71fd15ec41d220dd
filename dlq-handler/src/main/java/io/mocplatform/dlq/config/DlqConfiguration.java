package io.mocplatform.dlq.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.mocplatform.function.config.Settings;
import io.mocplatform.model.PlatformNames;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the dlq-handler ({@code dlq.*}); application.properties fills the resource names from the environment
 * variables Terraform sets. A missing or wrong value stops the function at start ({@link Settings}).
 *
 * @param environment    {@code APP_ENV}
 * @param jobsTable      {@code JOBS_TABLE}
 * @param alertsTopicArn {@code ALERTS_TOPIC_ARN}
 * @param jobsQueueArn   {@code JOBS_QUEUE_ARN}, the redrive destination named in alerts
 * @param jobsDlqArn     {@code JOBS_DLQ_ARN}, the redrive source named in alerts
 * @param stormThreshold dead messages per window that still get an alert each, at least 1
 * @param stormWindow    length of the storm-control window
 * @param runbookUrl     {@code DLQ_RUNBOOK_URL}, the runbook document that alert links point into: an absolute URL
 *                       (alerts are read in mail and chat, where a repository-relative link leads nowhere),
 *                       without a fragment (each alert appends its section's anchor)
 * @param rawBodyLimit   characters of an unreadable body kept in the alert, 64 to 4096
 * @param markerRetention how long the alert bookkeeping records are kept
 * @param claimTimeout   age after which an unconfirmed alert claim is taken over (longer than the function timeout)
 */
@ConfigurationProperties("dlq")
public record DlqConfiguration(String environment, String jobsTable, String alertsTopicArn, String jobsQueueArn,
                               String jobsDlqArn, int stormThreshold, Duration stormWindow, String runbookUrl,
                               int rawBodyLimit, Duration markerRetention, Duration claimTimeout) {

    private static final Map<String, String> VARIABLES = Map.of("environment", PlatformNames.APP_ENV,
            "jobs-table", PlatformNames.JOBS_TABLE, "alerts-topic-arn", PlatformNames.ALERTS_TOPIC_ARN,
            "jobs-queue-arn", PlatformNames.JOBS_QUEUE_ARN, "jobs-dlq-arn", PlatformNames.JOBS_DLQ_ARN,
            "runbook-url", PlatformNames.DLQ_RUNBOOK_URL);
    private static final Set<String> RUNBOOK_SCHEMES = Set.of("https", "http", "file");

    public DlqConfiguration {
        Settings settings = Settings.of("dlq", VARIABLES)
                .text("environment", environment)
                .text("jobs-table", jobsTable)
                .text("alerts-topic-arn", alertsTopicArn)
                .text("jobs-queue-arn", jobsQueueArn)
                .text("jobs-dlq-arn", jobsDlqArn)
                .atLeast("storm-threshold", stormThreshold, 1)
                .present("storm-window", stormWindow)
                .text("runbook-url", runbookUrl)
                .range("raw-body-limit", rawBodyLimit, 64, 4096)
                .present("marker-retention", markerRetention)
                .present("claim-timeout", claimTimeout);
        if (runbookUrl != null && !runbookUrl.isBlank()) {
            runbookProblem(runbookUrl).ifPresent(problem -> settings.problem("runbook-url", problem));
        }
        settings.check();
    }

    /** What makes the runbook URL unusable in an alert read in mail or chat, if anything. */
    private static Optional<String> runbookProblem(String runbookUrl) {
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
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            problem = "is not a URL (" + e.getReason() + ")";
        }
        return Optional.of("'" + runbookUrl + "' " + problem + ": alert links must open outside the repository, e.g. "
                + "https://github.com/<owner>/<repo>/blob/main/docs/runbook.md");
    }
}
