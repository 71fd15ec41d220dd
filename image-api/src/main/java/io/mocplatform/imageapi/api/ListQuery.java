package io.mocplatform.imageapi.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import io.mocplatform.api.ProblemException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The query of {@code GET /images}, read from the raw query string: API Gateway joins a repeated parameter into
 * one comma-separated value and Micronaut's binding keeps only part of it, so a repeated parameter could
 * silently list the wrong album. Here it is a 400.
 *
 * @param albumId optional album filter
 * @param limit   page size, 1-100
 * @param cursor  optional cursor from the previous page
 */
record ListQuery(Optional<String> albumId, int limit, Optional<String> cursor) {

    static final int MAX_LIMIT = 100;

    static ListQuery from(HttpRequest<?> request, int defaultLimit) {
        Map<String, String> parameters = parameters(rawQuery(request));
        String limitText = parameters.get("limit");
        int limit = defaultLimit;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ProblemException.badRequest("invalid_limit", "limit must be a whole number from 1 to "
                        + MAX_LIMIT + ".");
            }
        }
        Optional<String> albumId = Optional.ofNullable(parameters.get("album_id"));
        if (albumId.isPresent() && !albumId.get().matches("[A-Za-z0-9_-]{1,64}")) {
            throw ProblemException.badRequest("invalid_album_id",
                    "album_id is 1-64 characters of A-Z, a-z, 0-9, '_' or '-'.");
        }
        return new ListQuery(albumId, limit, Optional.ofNullable(parameters.get("cursor")).filter(c -> !c.isEmpty()));
    }

    private static String rawQuery(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            return event.getRawQueryString();
        }
        return request.getUri().getRawQuery();
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (parameters.putIfAbsent(name, value) != null) {
                throw ProblemException.badRequest("repeated_parameter", "Query parameter '" + name
                        + "' appears more than once; give it once.");
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.badRequest("malformed_query", "The query string is not valid URL encoding.");
        }
    }
}
