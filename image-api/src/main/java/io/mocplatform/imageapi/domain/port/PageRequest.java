package io.mocplatform.imageapi.domain.port;

import java.util.Map;

/**
 * Which page of a listing to read.
 *
 * @param limit at most this many items
 * @param after where the previous page stopped (opaque position from {@link Page#next()}), empty for the first
 */
public record PageRequest(int limit, Map<String, String> after) {

    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        after = after == null ? Map.of() : Map.copyOf(after);
    }
}
