package io.mocplatform.jobapi.api;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.mocplatform.api.ProblemException;
import io.mocplatform.jobapi.config.JobApiConfig;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads small JSON request bodies strictly: a size limit, a JSON object, no fields beyond the documented ones,
 * and typed fields, each failure its own problem type. Binding records directly would accept unknown fields and
 * fold every mistake into one generic message.
 */
@Singleton
class RequestBodies {

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final ObjectMapper json;
    private final long maxBytes;

    RequestBodies(ObjectMapper json, JobApiConfig config) {
        this.json = json;
        this.maxBytes = config.maxBodyBytes();
    }

    /** The body as a JSON object with only {@code allowed} fields. */
    Fields read(String body, Set<String> allowed) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("missing_body", "A JSON object body is required.");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw ProblemException.tooLarge("body_too_large",
                    "The request body is larger than " + maxBytes + " bytes.");
        }
        Map<String, Object> fields;
        try {
            fields = json.readValue(body, OBJECT);
        } catch (IOException | RuntimeException malformed) {
            throw ProblemException.badRequest("malformed_json", "The request body is not a valid JSON object.");
        }
        if (fields == null) {
            throw ProblemException.badRequest("malformed_json", "The request body is not a valid JSON object.");
        }
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new ProblemException(io.micronaut.http.HttpStatus.BAD_REQUEST, "unknown_field", "Unknown field",
                    "Unknown field(s) " + unknown + "; this request accepts only " + new TreeSet<>(allowed) + ".",
                    null, null);
        }
        return new Fields(fields);
    }

    /** Typed access to the fields of one body; a wrongly typed field is a 400 naming it. */
    static final class Fields {
        private final Map<String, Object> values;
        private final List<String> errors = new ArrayList<>();

        private Fields(Map<String, Object> values) {
            this.values = values;
        }

        String string(String name) {
            Object value = values.get(name);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            errors.add(name + " must be a string");
            return null;
        }

        /** An integer field; absent or mistyped gives -1 (the domain then names the rule it breaks). */
        long integer(String name) {
            Object value = values.get(name);
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
                return big.longValue();
            }
            if (value != null) {
                errors.add(name + " must be an integer");
            }
            return -1;
        }

        /** Fails with every type error found so far. */
        Fields check() {
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors.get(0), errors);
            }
            return this;
        }
    }
}
