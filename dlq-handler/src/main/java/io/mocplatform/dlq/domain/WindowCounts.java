package io.mocplatform.dlq.domain;

import java.util.Map;

/**
 * Dead messages counted in one storm-control window.
 *
 * @param total  all dead messages in the window
 * @param byType the same split by error type
 */
public record WindowCounts(long total, Map<String, Long> byType) {

    public WindowCounts {
        byType = Map.copyOf(byType);
    }
}
