package io.mocplatform.model.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Optional;

/** Stages of the drawing pipeline, in the order they run. */
@Serdeable
public enum JobStage {
    VALIDATION, PDF_PROCESSING, DRAWING_ANALYSIS, RESULT;

    /** The name used on the wire and in DynamoDB. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire name; unknown names are an {@link IllegalArgumentException} naming the allowed values. */
    @JsonCreator
    public static JobStage fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job stage '" + value
                        + "', expected one of " + Arrays.toString(Arrays.stream(values()).map(JobStage::wireName).toArray())));
    }

    /** The stage after this one, empty after the last. */
    public Optional<JobStage> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }
}
