package io.mocplatform.jobapi.domain;

import java.util.List;

/**
 * A request the domain refuses, with the reason the API edge turns into one specific HTTP problem. One exception
 * type with an enum keeps the edge's mapping a single exhaustive switch.
 */
public final class JobRejectedException extends RuntimeException {

    /** Why the request was refused. */
    public enum Reason {
        /** A field is missing or malformed. */
        INVALID,
        /** The declared upload type is not a PDF. */
        UNSUPPORTED_TYPE,
        /** The declared upload is bigger than allowed. */
        TOO_LARGE,
        /** No such job for this caller (unknown and other users' jobs look the same). */
        NOT_FOUND,
        /** The drawing to process was never uploaded. */
        DRAWING_MISSING,
        /** The idempotency key was used before with another request body. */
        KEY_REUSED,
        /** The job's current status does not allow the action. */
        STATE_CONFLICT,
        /** The job could not be handed to the queue; it was marked failed and may be retried. */
        QUEUE_UNAVAILABLE
    }

    private final Reason reason;
    private final List<String> errors;

    public JobRejectedException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public JobRejectedException(Reason reason, String message, List<String> errors) {
        super(message, null, false, false);
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    public Reason reason() {
        return reason;
    }

    /** The individual violations when there are several (INVALID only). */
    public List<String> errors() {
        return errors;
    }
}
