package io.mocplatform.model.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Locale;

/**
 * How urgently an alert needs a person. Pager tools filter on the {@code severity} SNS message attribute:
 * {@code critical} and {@code high} page the on-call engineer, {@code warning} goes to the team channel.
 */
@Serdeable
public enum AlertSeverity {
    /** Many jobs are failing at once: the platform, not one job, is broken. */
    CRITICAL,
    /** One user's job is lost until someone acts, or a producer wrote a message nobody can read. */
    HIGH,
    /** Something is odd but no user is waiting on it (e.g. a dead message for a job that no longer exists). */
    WARNING;

    /** The name used on the wire and in SNS message attributes. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; unknown names are an {@link IllegalArgumentException}. */
    @JsonCreator
    public static AlertSeverity fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown alert severity '" + value + "'"));
    }
}
