package io.mocplatform.api;

import io.micronaut.http.HttpRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route's query parameters, read strictly from the raw query string. API Gateway joins a repeated parameter
 * into one comma-separated value in {@code queryStringParameters} and Micronaut's binding keeps only part of it, so
 * only the raw string shows a repeat. Each broken rule is its own 400 problem: {@code unknown_parameter} (a name the
 * route does not take), {@code repeated_parameter}, {@code empty_parameter} ({@code ?limit=} is a mistake, not a
 * default) and {@code malformed_query} (bad percent-encoding).
 */
public final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /** The request's query parameters, each of them one of {@code allowed}, given once and not empty. */
    public static QueryParameters of(HttpRequest<?> request, Set<String> allowed) {
        String raw = ApiRequestFilter.gatewayEvent(request).map(event -> event.getRawQueryString())
                .orElseGet(() -> request.getUri().getRawQuery());
        return parse(raw, allowed);
    }

    static QueryParameters parse(String rawQuery, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParameters(values);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!allowed.contains(name)) {
                throw ProblemException.badRequest("unknown_parameter", "Unknown query parameter '"
                        + printable(name) + "'; this route accepts only " + new TreeSet<>(allowed) + ".");
            }
            if (values.putIfAbsent(name, value) != null) {
                throw ProblemException.badRequest("repeated_parameter", "Query parameter '" + name
                        + "' appears more than once; give it once.");
            }
            if (value.isEmpty()) {
                throw ProblemException.badRequest("empty_parameter", "Query parameter '" + name
                        + "' is empty; give it a value or leave it out.");
            }
        }
        return new QueryParameters(values);
    }

    /** The parameter's decoded value, when given. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.badRequest("malformed_query", "The query string is not valid URL encoding.");
        }
    }

    private static String printable(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "?");
        return ascii.length() <= 40 ? ascii : ascii.substring(0, 40) + "...";
    }
}
