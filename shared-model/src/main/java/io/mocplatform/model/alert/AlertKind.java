package io.mocplatform.model.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Locale;

/** What a dead-letter alert is about; each kind has its own section in {@code docs/runbook.md}. */
@Serdeable
public enum AlertKind {
    /** A drawing job's message was received too often without success; the job is now failed. */
    DEAD_LETTERED_JOB("dead-lettered-job"),
    /** A dead message that is not JSON or names no job: a producer bug, nothing to mark failed. */
    POISON_MESSAGE("poison-message"),
    /** A dead message names a job that is not in the Jobs table (expired, deleted, or another environment's). */
    UNKNOWN_JOB("unknown-job"),
    /** More jobs dead-lettered within one window than the configured limit: one alert stands for all of them. */
    DEAD_LETTER_STORM("dead-letter-storm");

    private final String runbookSection;

    AlertKind(String runbookSection) {
        this.runbookSection = runbookSection;
    }

    /** The anchor of this kind's section in {@code docs/runbook.md}. */
    public String runbookSection() {
        return runbookSection;
    }

    /** The name used on the wire and in SNS message attributes. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; unknown names are an {@link IllegalArgumentException}. */
    @JsonCreator
    public static AlertKind fromWireName(String value) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown alert kind '" + value + "'"));
    }
}
