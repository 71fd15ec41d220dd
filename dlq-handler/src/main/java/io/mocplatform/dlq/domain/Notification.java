package io.mocplatform.dlq.domain;

import io.mocplatform.model.alert.DeadLetterAlert;

import java.util.Objects;

/**
 * An alert ready to send: a subject for the pager and e-mail (printable ASCII, under 100 characters as SNS
 * requires), readable text for people and the JSON payload for machines.
 */
public record Notification(String subject, String text, DeadLetterAlert payload) {

    /** SNS rejects subjects of 100 characters or more. */
    public static final int MAX_SUBJECT_LENGTH = 99;

    public Notification {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(payload, "payload");
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("subject longer than " + MAX_SUBJECT_LENGTH + ": " + subject);
        }
    }
}
