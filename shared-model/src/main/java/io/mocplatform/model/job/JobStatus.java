package io.mocplatform.model.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;

/** Lifecycle of a drawing-processing job. Wire names are lower case. */
@Serdeable
public enum JobStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED, CANCELLED;

    /** The name used on the wire and in DynamoDB. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire name; unknown names are an {@link IllegalArgumentException} naming the allowed values. */
    @JsonCreator
    public static JobStatus fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job status '" + value
                        + "', expected one of " + Arrays.toString(Arrays.stream(values()).map(JobStatus::wireName).toArray())));
    }

    /** Whether the job can no longer change: completed, failed or cancelled. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Whether a client polling this job should come back later. */
    public boolean isInFlight() {
        return this == QUEUED || this == PROCESSING;
    }
}
