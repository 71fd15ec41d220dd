package io.mocplatform.testkit.edge;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request that reached the edge, as the client sent it: the service whose front it reached, method, raw
 * (still encoded) path and query, headers (looked up case-insensitively) and body.
 */
public final class EdgeRequest {

    private final AwsService service;
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final EdgeBody body;
    private final Caller caller;

    public EdgeRequest(AwsService service, String method, String rawPath, String rawQuery,
                       Map<String, List<String>> headers, EdgeBody body) {
        this(service, method, rawPath, rawQuery, headers, body, null);
    }

    private EdgeRequest(AwsService service, String method, String rawPath, String rawQuery,
                        Map<String, List<String>> headers, EdgeBody body, Caller caller) {
        this.service = Objects.requireNonNull(service, "service");
        this.method = Objects.requireNonNull(method, "method");
        this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = java.util.Collections.unmodifiableMap(copy);
        this.body = Objects.requireNonNull(body, "body");
        this.caller = caller;
    }

    public AwsService service() {
        return service;
    }

    public String method() {
        return method;
    }

    /** The path as sent, still percent-encoded ({@code /bucket/jobs/a%20b}). */
    public String rawPath() {
        return rawPath;
    }

    /** The query string as sent, without {@code ?}; empty when there is none. */
    public String rawQuery() {
        return rawQuery;
    }

    /** All headers; names compare case-insensitively. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The query parameters, decoded, in order. */
    public Map<String, List<String>> queryParameters() {
        return FormEncoding.decode(rawQuery);
    }

    public EdgeBody body() {
        return body;
    }

    /** Who signed the request, once the edge verified the signature (empty before that). */
    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** The same request, known to come from {@code caller}. */
    public EdgeRequest signedBy(Caller caller) {
        return new EdgeRequest(service, method, rawPath, rawQuery, headers, body, Objects.requireNonNull(caller));
    }

    @Override
    public String toString() {
        return service.signingName() + " " + method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
}
