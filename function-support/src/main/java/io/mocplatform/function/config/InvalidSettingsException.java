package io.mocplatform.function.config;

import java.util.List;

/** A function's settings are missing or wrong; thrown at start, when its configuration is bound. */
public final class InvalidSettingsException extends IllegalArgumentException {

    private final List<String> problems;

    InvalidSettingsException(String prefix, List<String> problems) {
        super("Invalid " + prefix + " settings: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, naming its property (and environment variable, where one fills it). */
    public List<String> problems() {
        return problems;
    }
}
