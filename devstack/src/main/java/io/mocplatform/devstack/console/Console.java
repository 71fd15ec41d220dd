package io.mocplatform.devstack.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The devstack's own output: one readable line per event by default ({@code 12:00:01.234 POST /images 201 34 ms}),
 * or one JSON object per line with {@code --json-logs}, next to the functions' own log lines.
 */
public final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final boolean json;
    private final Clock clock;

    public Console(PrintStream out, boolean json, Clock clock) {
        this.out = out;
        this.json = json;
        this.clock = clock;
    }

    public boolean json() {
        return json;
    }

    /** A line about the stack itself. */
    public void info(String message) {
        if (json) {
            ObjectNode line = base("INFO");
            line.put("message", message);
            out.println(line);
        } else {
            out.println(TIME.format(clock.instant()) + " devstack  " + message);
        }
    }

    /** One line per HTTP request answered. */
    public void request(String method, String path, int status, Duration duration, String requestId, String detail) {
        if (json) {
            ObjectNode line = base(status >= 500 ? "ERROR" : "INFO");
            line.put("message", method + " " + path + " " + status);
            line.put("http_method", method);
            line.put("path", path);
            line.put("status", status);
            line.put("duration_ms", duration.toMillis());
            line.put("request_id", requestId);
            if (detail != null) {
                line.put("detail", detail);
            }
            out.println(line);
        } else {
            out.println(TIME.format(clock.instant()) + " http      %s %s %d %d ms%s".formatted(method, path, status,
                    duration.toMillis(), detail == null ? "" : " (" + detail + ")"));
        }
    }

    /** Prints raw text (an alert's body). */
    public void raw(String text) {
        out.println(text);
    }

    private ObjectNode base(String level) {
        ObjectNode line = JSON.createObjectNode();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("logger", "devstack");
        return line;
    }
}
