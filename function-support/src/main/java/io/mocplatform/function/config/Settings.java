package io.mocplatform.function.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a function's settings where Micronaut binds them, in the constructor of a configuration record, so a bad
 * or missing value stops the function at start with a message naming the property and the environment variable
 * Terraform sets for it. Every problem is collected before failing, so one failed start lists all of them.
 *
 * <p>Written by hand instead of with {@code jakarta.validation} annotations: Micronaut's validator loaded 159 classes
 * of its own, spun about 100 more and took a tenth of the API's context start, only to check a handful of values
 * once.
 *
 * <pre>{@code
 * public JobApiConfiguration {
 *     Settings.of("job-api", Map.of("jobs-table", PlatformNames.JOBS_TABLE))
 *             .text("jobs-table", jobsTable)
 *             .range("default-page-size", defaultPageSize, 1, 100)
 *             .check();
 * }
 * }</pre>
 */
public final class Settings {

    private final String prefix;
    private final Map<String, String> variables;
    private final List<String> problems = new ArrayList<>();

    private Settings(String prefix, Map<String, String> variables) {
        this.prefix = prefix;
        this.variables = Map.copyOf(variables);
    }

    /**
     * Checks of the settings under {@code prefix}.
     *
     * @param prefix    the {@code @ConfigurationProperties} prefix, e.g. {@code job-api}
     * @param variables the environment variable that fills each setting, by setting name (as in application
     *                  properties, e.g. {@code jobs-table}); settings without one are named by property alone
     */
    public static Settings of(String prefix, Map<String, String> variables) {
        return new Settings(prefix, variables);
    }

    /** Requires text that is neither missing nor blank. */
    public Settings text(String name, String value) {
        if (value == null) {
            problems.add(label(name) + " is not set");
        } else if (value.isBlank()) {
            problems.add(label(name) + " is blank");
        }
        return this;
    }

    /** Requires a value (a duration, a URI, ...) that is not missing. */
    public Settings present(String name, Object value) {
        if (value == null) {
            problems.add(label(name) + " is not set");
        }
        return this;
    }

    /** Requires a collection that is neither missing nor empty. */
    public Settings notEmpty(String name, Collection<?> value) {
        if (value == null) {
            problems.add(label(name) + " is not set");
        } else if (value.isEmpty()) {
            problems.add(label(name) + " is empty");
        }
        return this;
    }

    /** Requires {@code min <= value <= max}. */
    public Settings range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(label(name) + " is " + value + ", must be between " + min + " and " + max);
        }
        return this;
    }

    /** Requires {@code value >= min}. */
    public Settings atLeast(String name, long value, long min) {
        if (value < min) {
            problems.add(label(name) + " is " + value + ", must be at least " + min);
        }
        return this;
    }

    /** Requires {@code value >= min}; refuses NaN. */
    public Settings atLeast(String name, double value, double min) {
        if (!(value >= min)) {
            problems.add(label(name) + " is " + value + ", must be at least " + min);
        }
        return this;
    }

    /** Requires text that is one of {@code allowed}; a missing or blank value is reported by {@link #text} alone. */
    public Settings oneOf(String name, String value, String... allowed) {
        text(name, value);
        if (value != null && !value.isBlank() && !List.of(allowed).contains(value)) {
            problems.add(label(name) + " is '" + value + "', must be one of " + String.join(", ", allowed));
        }
        return this;
    }

    /**
     * Requires text that matches {@code pattern} as a whole; a missing or blank value is reported by {@link #text}
     * alone.
     *
     * @param expected what a matching value is, for the message (e.g. "an http:// or https:// URL")
     */
    public Settings matches(String name, String value, Pattern pattern, String expected) {
        text(name, value);
        if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
            problems.add(label(name) + " is '" + value + "', must be " + expected);
        }
        return this;
    }

    /**
     * Records a problem that a check of its own found, e.g. {@code problem("runbook-url", "'x' has no host")}.
     *
     * @param description what is wrong, written to follow the setting's name
     */
    public Settings problem(String name, String description) {
        problems.add(label(name) + " " + description);
        return this;
    }

    /** Throws when any check failed. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(prefix, problems);
        }
    }

    private String label(String name) {
        String property = prefix + "." + name;
        String variable = variables.get(name);
        return variable == null ? property : property + " (environment variable " + variable + ")";
    }
}
