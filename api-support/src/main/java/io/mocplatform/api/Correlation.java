package io.mocplatform.api;

import io.micronaut.http.HttpRequest;

import java.util.regex.Pattern;

/** The request's correlation id: the client's {@code X-Correlation-Id} when well-formed, else the gateway's request id. */
public final class Correlation {

    /** Request and response header carrying the correlation id. */
    public static final String HEADER = "X-Correlation-Id";
    static final String ATTRIBUTE = "mocplatform.correlation-id";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private Correlation() {
    }

    /** The correlation id assigned to this request by {@link ApiRequestFilter}, if it ran. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }

    /** Whether a client-supplied id is safe to adopt (it ends up in logs and headers). */
    static boolean acceptable(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches();
    }
}
