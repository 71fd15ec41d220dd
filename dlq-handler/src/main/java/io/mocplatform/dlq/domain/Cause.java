package io.mocplatform.dlq.domain;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStage;

import java.util.regex.Pattern;

/**
 * The last thing known to have gone wrong with a job before its message died: the error the processor recorded,
 * or "unknown" when it recorded none (a timeout or a crash leaves no error behind).
 *
 * @param type    error type, snake_case
 * @param message error message for people
 * @param stage   where it happened, null when unknown
 */
record Cause(String type, String message, JobStage stage) {

    /** Error type the job row gets once its message is dead-lettered. */
    static final String DEAD_LETTERED = "dead_lettered";
    static final String UNKNOWN = "unknown";
    static final String POISON_MESSAGE = "poison_message";
    static final String UNKNOWN_JOB = "unknown_job";

    private static final Pattern ERROR_TYPE = Pattern.compile("[a-z0-9_]{1,64}");
    private static final String NO_ERROR_RECORDED = "No error was recorded before the message was dead-lettered:"
            + " the processor probably timed out or stopped before it could record one.";

    static Cause of(Job job) {
        JobStage stage = job.currentStage();
        JobError error = job.error();
        if (error == null) {
            return new Cause(UNKNOWN, NO_ERROR_RECORDED, stage);
        }
        JobStage where = error.stage() != null ? error.stage() : stage;
        // Once marked, the row no longer says what the original type was (only its message is kept).
        String type = DEAD_LETTERED.equals(error.type()) ? UNKNOWN : normalisedType(error.type());
        return new Cause(type, error.message(), where);
    }

    /** Error types end up in attribute names and SNS filters: keep them to a small, safe alphabet. */
    static String normalisedType(String type) {
        if (type == null) {
            return UNKNOWN;
        }
        String lower = type.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return ERROR_TYPE.matcher(lower).matches() ? lower : UNKNOWN;
    }

    /** Whether the job row already carries the dead-letter error. */
    static boolean isMarked(Job job) {
        return job.status() == io.mocplatform.model.job.JobStatus.FAILED && job.error() != null
                && DEAD_LETTERED.equals(job.error().type());
    }
}
