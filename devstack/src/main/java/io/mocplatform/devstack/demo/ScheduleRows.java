package io.mocplatform.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Turns a downloaded component schedule (CSV, or JSON with an array of rows) into printable lines. */
final class ScheduleRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ROWS = 40;

    private ScheduleRows() {
    }

    static List<String> of(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return fromJson(JSON.readTree(trimmed));
            } catch (IOException notJson) {
                // fall through to lines
            }
        }
        return trimmed.lines().filter(l -> !l.isBlank()).limit(MAX_ROWS).toList();
    }

    private static List<String> fromJson(JsonNode node) {
        JsonNode rows = node.isArray() ? node : firstArray(node);
        List<String> lines = new ArrayList<>();
        if (rows == null) {
            lines.add(node.toString());
            return lines;
        }
        for (JsonNode row : rows) {
            if (lines.size() == MAX_ROWS) {
                break;
            }
            if (row.isObject()) {
                List<String> cells = new ArrayList<>();
                row.properties().forEach(e -> cells.add(e.getKey() + "=" + (e.getValue().isValueNode()
                        ? e.getValue().asText() : e.getValue().toString())));
                lines.add(String.join("  ", cells));
            } else {
                lines.add(row.toString());
            }
        }
        return lines;
    }

    private static JsonNode firstArray(JsonNode node) {
        for (String preferred : List.of("components", "rows", "items", "schedule")) {
            if (node.path(preferred).isArray()) {
                return node.get(preferred);
            }
        }
        for (var entry : node.properties()) {
            if (entry.getValue().isArray()) {
                return entry.getValue();
            }
        }
        return null;
    }
}
