package io.mocplatform.dlq.domain;

import io.mocplatform.model.alert.AlertKind;
import io.mocplatform.model.alert.AlertSeverity;
import io.mocplatform.model.alert.DeadLetterAlert;
import io.mocplatform.model.alert.StormSummary;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStage;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the alerts: the facts as the JSON payload, and from the payload a subject and a text an on-call engineer
 * can act on from a phone — what broke, for whom, how bad, and what to do next. Everything that came from outside
 * (message bodies, client-chosen correlation ids, error messages) goes through {@link SafeText}.
 */
public final class AlertComposer {

    /** Longest error message or id printed; the full value is in the job row and the logs. */
    private static final int FIELD_LIMIT = 500;

    private final DeadLetterPolicy policy;

    public AlertComposer(DeadLetterPolicy policy) {
        this.policy = policy;
    }

    /** The facts about a dead job message whose job row exists. */
    DeadLetterAlert forJob(DeadLetter letter, Job job, Cause cause, Instant now) {
        String correlationId = job.correlationId() != null ? job.correlationId() : letter.correlationId();
        JobStage stage = cause.stage() != null ? cause.stage() : job.currentStage();
        return common(letter, AlertKind.DEAD_LETTERED_JOB, now)
                .dedupKey(dedupKey("job", job.jobId()))
                .summary(subject(AlertKind.DEAD_LETTERED_JOB, "job " + job.jobId() + " dead-lettered"
                        + (stage == null ? "" : " at " + stage.wireName()) + " (" + cause.type() + ")"))
                .jobId(job.jobId())
                .owner(safe(job.owner()))
                .jobStatus(job.status().wireName())
                .stage(stage == null ? null : stage.wireName())
                .attempts(job.attempts())
                .errorType(cause.type())
                .errorMessage(safe(cause.message()))
                .correlationId(safe(correlationId))
                .logsInsightsQuery(logsQuery(correlationId, job.jobId(), letter.messageId()))
                .replayHint("POST /jobs/" + job.jobId() + "/retry")
                .build();
    }

    /** The facts about a dead message that names no job ({@code POISON_MESSAGE}) or an absent one ({@code UNKNOWN_JOB}). */
    public DeadLetterAlert forMessage(DeadLetter letter, AlertKind kind, Instant now) {
        boolean poison = kind == AlertKind.POISON_MESSAGE;
        String what = poison ? "unreadable message on the jobs DLQ"
                : "dead message for unknown job " + safe(letter.jobId());
        return common(letter, kind, now)
                .dedupKey(poison ? dedupKey("message", letter.messageId()) : dedupKey("unknown-job", letter.jobId()))
                .summary(subject(kind, what))
                .jobId(poison ? null : letter.jobId())
                .owner(safe(letter.owner()))
                .errorType(poison ? Cause.POISON_MESSAGE : Cause.UNKNOWN_JOB)
                .errorMessage(poison ? letter.unreadableReason()
                        : "The message names job " + safe(letter.jobId()) + " but the Jobs table has no such row.")
                .correlationId(safe(letter.correlationId()))
                .logsInsightsQuery(logsQuery(letter.correlationId(), poison ? null : letter.jobId(), letter.messageId()))
                .rawBody(SafeText.printable(letter.rawBody(), policy.rawBodyLimit()))
                .build();
    }

    /** The one aggregated alert of a storm window. */
    public DeadLetterAlert forStorm(Instant windowStart, Instant windowEnd, WindowCounts counts, Instant now) {
        String window = Duration.between(windowStart, windowEnd).toMinutes() + "m";
        return DeadLetterAlert.builder()
                .kind(AlertKind.DEAD_LETTER_STORM)
                .severity(severity(AlertKind.DEAD_LETTER_STORM))
                .dedupKey(dedupKey("storm", windowStart.toString()))
                .environment(policy.environment())
                .summary(subject(AlertKind.DEAD_LETTER_STORM, counts.total() + " dead job messages since "
                        + windowStart + " (limit " + policy.stormThreshold() + " per " + window + ")"))
                .raisedAt(now)
                .errorType(dominantType(counts))
                .logsInsightsQuery("fields @timestamp, job_id, error_type, dlq_outcome, correlation_id"
                        + " | filter ispresent(dlq_outcome) | stats count(*) as dead_messages by error_type"
                        + " | sort dead_messages desc")
                .runbookUrl(runbookUrl(AlertKind.DEAD_LETTER_STORM))
                .redriveCommand(policy.redriveCommand())
                .storm(new StormSummary(windowStart, windowEnd, policy.stormThreshold(), counts.total(),
                        counts.byType()))
                .build();
    }

    /** Subject and readable text for an alert. */
    public Notification notification(DeadLetterAlert alert) {
        return new Notification(alert.summary(), text(alert), alert);
    }

    private DeadLetterAlert.Builder common(DeadLetter letter, AlertKind kind, Instant now) {
        return DeadLetterAlert.builder()
                .kind(kind)
                .severity(severity(kind))
                .environment(policy.environment())
                .raisedAt(now)
                .receiveCount(letter.receiveCount())
                .traceId(safe(letter.traceId()))
                .messageId(safe(letter.messageId()))
                .sentAt(letter.sentAt())
                .firstReceivedAt(letter.firstReceivedAt())
                .lastReceivedAt(now)
                .queueAgeSeconds(letter.sentAt() == null ? null
                        : Math.max(0, Duration.between(letter.sentAt(), now).toSeconds()))
                .runbookUrl(runbookUrl(kind))
                .redriveCommand(policy.redriveCommand())
                .rawBody(letter.unreadable() ? SafeText.printable(letter.rawBody(), policy.rawBodyLimit()) : null);
    }

    static AlertSeverity severity(AlertKind kind) {
        return switch (kind) {
            case DEAD_LETTER_STORM -> AlertSeverity.CRITICAL;
            case DEAD_LETTERED_JOB, POISON_MESSAGE -> AlertSeverity.HIGH;
            case UNKNOWN_JOB -> AlertSeverity.WARNING;
        };
    }

    private String dedupKey(String scope, String id) {
        return "dlq/" + policy.environment() + "/" + scope + "/" + id;
    }

    private String runbookUrl(AlertKind kind) {
        return policy.runbookUrl() + "#" + kind.runbookSection();
    }

    private String subject(AlertKind kind, String what) {
        String line = "[" + severity(kind).name() + "] " + policy.environment() + ": " + what;
        return SafeText.asciiLine(line, Notification.MAX_SUBJECT_LENGTH);
    }

    /** Finds every log line of the job across the functions: by correlation id, else job id, else message id. */
    static String logsQuery(String correlationId, String jobId, String messageId) {
        String filter = correlationId != null ? "correlation_id = " + SafeText.queryLiteral(correlationId)
                : jobId != null ? "job_id = " + SafeText.queryLiteral(jobId)
                : "message_id = " + SafeText.queryLiteral(messageId);
        return "fields @timestamp, function, level, message, job_id | filter " + filter
                + " | sort @timestamp asc | limit 500";
    }

    private static String dominantType(WindowCounts counts) {
        return counts.byType().entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(Cause.UNKNOWN);
    }

    private static String safe(String value) {
        return SafeText.printable(value, FIELD_LIMIT);
    }

    private static String text(DeadLetterAlert a) {
        StringBuilder t = new StringBuilder(1024);
        t.append(a.severity().name()).append(" - ").append(headline(a)).append(" (").append(a.environment())
                .append(")\n\n").append(explanation(a)).append("\n\n");
        if (a.storm() != null) {
            StormSummary s = a.storm();
            line(t, "Window", s.windowStart() + " to " + s.windowEnd());
            line(t, "Dead messages", s.deadMessages() + " (alerting one by one stops above " + s.threshold() + ")");
            t.append("By error type:\n");
            new TreeMap<>(s.countsByErrorType()).forEach((type, n) -> t.append("  ").append(type).append(": ")
                    .append(n).append('\n'));
        } else {
            line(t, "Error", a.errorType() + (a.errorMessage() == null ? "" : ": " + a.errorMessage()));
            line(t, "Job id", a.jobId());
            line(t, "Owner", a.owner());
            line(t, "Stage reached", a.stage());
            line(t, "Attempts", a.attempts() == null ? null
                    : a.attempts() + (a.receiveCount() == null ? "" : " (SQS receives: " + a.receiveCount() + ")"));
            if (a.attempts() == null) {
                line(t, "SQS receives", a.receiveCount() == null ? null : a.receiveCount().toString());
            }
            line(t, "Correlation id", a.correlationId());
            line(t, "Sent to queue", a.sentAt() == null ? null : a.sentAt().toString());
            line(t, "First received", a.firstReceivedAt() == null ? null : a.firstReceivedAt().toString());
            line(t, "Dead-lettered", a.lastReceivedAt() + (a.queueAgeSeconds() == null ? ""
                    : " (queue age " + readable(Duration.ofSeconds(a.queueAgeSeconds())) + ")"));
            line(t, "X-Ray trace", a.traceId());
            line(t, "Message id", a.messageId());
            if (a.rawBody() != null) {
                t.append("Raw body (cut, escaped):\n  ").append(a.rawBody()).append('\n');
            }
        }
        t.append("\nLogs Insights (job-api, drawing-processor and dlq-handler log groups):\n  ")
                .append(a.logsInsightsQuery()).append("\n\nRunbook: ").append(a.runbookUrl())
                .append("\n\nWhat to do next:\n");
        t.append(switch (a.kind()) {
            case DEAD_LETTERED_JOB -> """
                      1. Find the cause with the query and the X-Ray trace above.
                      2. After the fix, replay this job: %s (the owner's client, or the operator replay in the runbook).
                      3. Dead messages still waiting on the DLQ go back to the jobs queue with:
                         %s
                    """.formatted(a.replayHint(), a.redriveCommand());
            case DEAD_LETTER_STORM -> """
                      1. Find the common cause: run the query above over the window, then open one job's trace.
                      2. Pause this handler's trigger so further dead messages stay on the DLQ (runbook), and fix.
                      3. Move the waiting dead messages back to the jobs queue:
                         %s
                      4. Replay the jobs this handler already marked failed (runbook lists them).
                    """.formatted(a.redriveCommand());
            case POISON_MESSAGE, UNKNOWN_JOB -> """
                      1. Find what wrote this message with the query above.
                      2. Fix the producer; redriving this message will not help.
                    """;
        });
        t.append("\nDedup key: ").append(a.dedupKey()).append('\n');
        return t.toString();
    }

    private static String headline(DeadLetterAlert a) {
        return switch (a.kind()) {
            case DEAD_LETTERED_JOB -> "drawing job dead-lettered";
            case POISON_MESSAGE -> "unreadable message on the drawing-jobs dead-letter queue";
            case UNKNOWN_JOB -> "dead message for a job that does not exist";
            case DEAD_LETTER_STORM -> "many drawing jobs dead-lettered at once";
        };
    }

    private static String explanation(DeadLetterAlert a) {
        return switch (a.kind()) {
            case DEAD_LETTERED_JOB -> "Job " + a.jobId() + " of user " + a.owner() + " did not finish after "
                    + (a.receiveCount() == null ? "several" : a.receiveCount()) + " deliveries"
                    + (a.stage() == null ? "" : " and stopped at stage " + a.stage())
                    + ". It is now marked failed (error type dead_lettered); the user sees it as failed until it is"
                    + " replayed.";
            case POISON_MESSAGE -> "A message on the dead-letter queue is not a drawing-job message (not JSON, or no"
                    + " job id). No job could be marked failed. A producer wrote something it should not have.";
            case UNKNOWN_JOB -> "The message names job " + a.jobId() + ", which is not in the Jobs table (expired,"
                    + " deleted, or from another environment). No user is waiting on it.";
            case DEAD_LETTER_STORM -> "More drawing jobs dead-lettered in this window than the limit: the platform,"
                    + " not one job, is likely broken. Every job is still marked failed and logged; single alerts are"
                    + " paused until the window ends.";
        };
    }

    private static void line(StringBuilder t, String label, String value) {
        if (value != null) {
            t.append(String.format("%-15s %s", label + ":", value)).append('\n');
        }
    }

    private static String readable(Duration d) {
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        return (h > 0 ? h + "h " : "") + (h > 0 || m > 0 ? m + "m " : "") + s + "s";
    }
}
