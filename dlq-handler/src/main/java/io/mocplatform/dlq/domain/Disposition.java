package io.mocplatform.dlq.domain;

import java.util.Locale;

/** What became of one dead message. */
public enum Disposition {
    /** Handled and one alert sent for it. */
    ALERTED,
    /** Handled; it pushed its window over the storm threshold and the one aggregated alert was sent. */
    STORM_ALERTED,
    /** Handled; its window is in a storm whose aggregated alert went out already, so no alert of its own. */
    SUPPRESSED_BY_STORM,
    /** Handled before (a redelivery, or a concurrent invocation won): nothing more to send. */
    ALREADY_ALERTED,
    /** The job completed or was cancelled meanwhile: left as it is, nobody needs paging. */
    JOB_ALREADY_FINISHED,
    /** A newer delivery holds a live lease on the job: try again later rather than fail a job in progress. */
    JOB_BUSY,
    /**
     * Another invocation claimed this alert moments ago and has not confirmed it yet: it is publishing right now.
     * Try again later; by then the alert is either confirmed (nothing to send) or its claim has gone stale (the
     * invocation died, and the alert is sent then).
     */
    ALERT_IN_PROGRESS,
    /** The alert could not be published: the message goes back to the queue to be tried again. */
    PUBLISH_FAILED;

    /** The value written in log lines and metrics. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
