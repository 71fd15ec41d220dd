package io.mocplatform.imageapi.api;

import io.micronaut.http.HttpRequest;
import io.mocplatform.api.ProblemException;
import io.mocplatform.api.QueryParameters;

import java.util.Optional;
import java.util.Set;

/**
 * The query of {@code GET /images}, read through the strict query reader both APIs share: only these
 * parameters, each at most once and never empty (a repeated {@code album_id} could otherwise silently list the
 * wrong album, since API Gateway joins repeats with commas).
 *
 * @param albumId optional album filter
 * @param limit   page size, 1-100
 * @param cursor  optional cursor from the previous page
 */
record ListQuery(Optional<String> albumId, int limit, Optional<String> cursor) {

    static final int MAX_LIMIT = 100;
    private static final Set<String> PARAMETERS = Set.of("album_id", "limit", "cursor");

    static ListQuery from(HttpRequest<?> request, int defaultLimit) {
        QueryParameters parameters = QueryParameters.of(request, PARAMETERS);
        int limit = defaultLimit;
        Optional<String> limitText = parameters.get("limit");
        if (limitText.isPresent()) {
            try {
                limit = Integer.parseInt(limitText.get());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ProblemException.badRequest("invalid_limit", "limit must be a whole number from 1 to "
                        + MAX_LIMIT + ".");
            }
        }
        Optional<String> albumId = parameters.get("album_id");
        if (albumId.isPresent() && !albumId.get().matches("[A-Za-z0-9_-]{1,64}")) {
            throw ProblemException.badRequest("invalid_album_id",
                    "album_id is 1-64 characters of A-Z, a-z, 0-9, '_' or '-'.");
        }
        return new ListQuery(albumId, limit, parameters.get("cursor"));
    }
}
