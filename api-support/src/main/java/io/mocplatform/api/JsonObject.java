package io.mocplatform.api;

import io.micronaut.http.HttpStatus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One JSON object read by {@link JsonBodies}, with typed access that never coerces: a whole number must be a JSON
 * integer (not {@code "100"}, not {@code 1.5}, not beyond a 64-bit long), a string a JSON string. Each wrongly typed
 * field is collected; {@link #check()} then answers 400 {@code wrong_type} naming every one of them.
 */
public final class JsonObject {

    /** Stands for a JSON {@code null}, which a merge patch tells apart from an absent field. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final Map<String, Object> fields;
    private final List<String> errors = new ArrayList<>();

    JsonObject(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** The field names, in the order sent. */
    public Set<String> names() {
        return fields.keySet();
    }

    /** Whether the field is present (also when it is {@code null}). */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** Whether the field is present and {@code null}. */
    public boolean isNull(String name) {
        return fields.get(name) == NULL;
    }

    /**
     * Refuses fields beyond {@code allowed} with 400 {@code unknown_field} naming them: a field the API does not
     * know (a typo, or an attempt to set {@code owner} or {@code status}) is never silently ignored.
     */
    public JsonObject allowOnly(Set<String> allowed) {
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "unknown_field", "Unknown field",
                    "Unknown field(s) " + unknown + "; this request accepts only " + new TreeSet<>(allowed) + ".",
                    null, null);
        }
        return this;
    }

    /** A string field; null when absent or {@code null}. */
    public String string(String name) {
        Object value = fields.get(name);
        if (value == null || value == NULL) {
            return null;
        }
        if (value instanceof String text) {
            return text;
        }
        errors.add(name + " must be a JSON string, not " + typeOf(value));
        return null;
    }

    /** A whole-number field within a 64-bit long; null when absent or {@code null}. */
    public Long integer(String name) {
        Object value = fields.get(name);
        if (value == null || value == NULL) {
            return null;
        }
        if (value instanceof BigInteger whole) {
            if (whole.bitLength() < Long.SIZE) {
                return whole.longValue();
            }
            errors.add(name + " must be a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
            return null;
        }
        errors.add(name + " must be a JSON whole number, not " + typeOf(value));
        return null;
    }

    /** An array-of-strings field; null when absent or {@code null}. */
    public List<String> strings(String name) {
        Object value = fields.get(name);
        if (value == null || value == NULL) {
            return null;
        }
        if (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
            return items.stream().map(String.class::cast).toList();
        }
        errors.add(name + " must be a JSON array of strings, not " + typeOf(value));
        return null;
    }

    /** Fails with 400 {@code wrong_type} listing every wrongly typed field read so far. */
    public JsonObject check() {
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "wrong_type", "Wrong JSON type",
                    String.join("; ", errors) + ".", errors.size() > 1 ? errors : null, null);
        }
        return this;
    }

    private static String typeOf(Object value) {
        if (value == NULL) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof BigInteger) {
            return "a whole number";
        }
        if (value instanceof BigDecimal) {
            return "a number with a fraction or exponent";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return "another type";
    }
}
