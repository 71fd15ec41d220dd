package io.mocplatform.dlq.domain;

import io.mocplatform.model.alert.DeadLetterAlert;

import java.util.Objects;

/**
 * The result of handling one dead message: what happened, every fact known about it (the alert that was, or
 * would have been, sent for it — the handler logs it as one structured line) and, during a storm, the aggregated
 * alert this message triggered.
 *
 * @param disposition what happened
 * @param facts       the per-message alert body, sent or not
 * @param stormAlert  the aggregated alert sent because of this message, or null
 */
public record DeadLetterOutcome(Disposition disposition, DeadLetterAlert facts, DeadLetterAlert stormAlert) {

    public DeadLetterOutcome {
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(facts, "facts");
    }

    /** Whether SQS should deliver the message again (nothing may be dropped silently). */
    public boolean retry() {
        return disposition == Disposition.PUBLISH_FAILED || disposition == Disposition.JOB_BUSY
                || disposition == Disposition.ALERT_IN_PROGRESS;
    }
}
