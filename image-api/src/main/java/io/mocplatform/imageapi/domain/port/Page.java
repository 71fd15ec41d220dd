package io.mocplatform.imageapi.domain.port;

import java.util.List;
import java.util.Map;

/**
 * One page of a listing.
 *
 * @param items the items, in listing order
 * @param next  where the next page starts, empty when this is the last page
 */
public record Page<T>(List<T> items, Map<String, String> next) {

    public Page {
        items = List.copyOf(items);
        next = next == null ? Map.of() : Map.copyOf(next);
    }

    /** Whether another page may follow. */
    public boolean hasNext() {
        return !next.isEmpty();
    }
}
