package io.mocplatform.function.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON log line, byte for byte. The expected lines are written by hand; where they spell logback's stack
 * trace rendering or the time stamp format, they are what the logstash encoder (which this encoder replaced)
 * printed for the same event.
 */
class JsonLineEncoderTest {

    private static final Instant AT = Instant.parse("2026-12-03T16:05:09.120Z");
    private static final String REPOSITORY = "io.mocplatform.jobapi.adapters.dynamodb.DynamoDbJobRepository";

    private final LoggerContext context = new LoggerContext();
    private final JsonLineEncoder encoder = started(new JsonLineEncoder(ZoneOffset.UTC));

    private JsonLineEncoder started(JsonLineEncoder fresh) {
        fresh.setContext(context);
        fresh.start();
        return fresh;
    }

    private LoggingEvent event(String logger, Level level, String message, Object... arguments) {
        return event(Map.of(), logger, level, message, arguments);
    }

    private LoggingEvent event(Map<String, String> mdc, String logger, Level level, String message,
                               Object... arguments) {
        Logger source = context.getLogger(logger);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), source, level, message, null, arguments);
        event.setInstant(AT);
        event.setMDCPropertyMap(mdc);
        return event;
    }

    private String encoded(LoggingEvent event) {
        return encoded(encoder, event);
    }

    private static String encoded(JsonLineEncoder encoder, LoggingEvent event) {
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private static JsonNode parsed(String line) throws IOException {
        return ObjectMapper.getDefault().readValue(line, JsonNode.class);
    }

    @Test
    void shouldWriteTheFieldsInTheirOrder_withTheMdcAsTopLevelStrings() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put(LogContext.FUNCTION, "job-api");
        mdc.put(LogContext.COLD_START, "true");
        LoggingEvent event = event(mdc, REPOSITORY, Level.INFO, "saved {} in {} ms", "job_1", 12);

        assertThat(encoded(event)).isEqualTo("{\"timestamp\":\"2026-12-03T16:05:09.12Z\","
                + "\"message\":\"saved job_1 in 12 ms\",\"logger\":\"i.m.j.a.d.DynamoDbJobRepository\","
                + "\"level\":\"INFO\",\"function\":\"job-api\",\"cold_start\":\"true\"}\n");
    }

    @Test
    void shouldWriteTheTimeStampWithTheZoneOffset_toTheNanosecondTheEventCarries() {
        LoggingEvent event = event("a.B", Level.INFO, "x");
        event.setInstant(Instant.parse("2026-12-03T16:05:09.123456789Z"));
        JsonLineEncoder paris = started(new JsonLineEncoder(ZoneId.of("Europe/Paris")));

        assertThat(encoded(event)).startsWith("{\"timestamp\":\"2026-12-03T16:05:09.123456789Z\",");
        assertThat(encoded(paris, event)).startsWith("{\"timestamp\":\"2026-12-03T17:05:09.123456789+01:00\",");
        event.setInstant(Instant.parse("2026-12-03T16:05:09Z"));
        assertThat(encoded(event)).startsWith("{\"timestamp\":\"2026-12-03T16:05:09Z\",");
    }

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharacters() throws IOException {
        String hostile = "a \"quoted\" \\path\\ /slash\nline2\r\ttab \b\f \u0000 \u0001 \u001f \u007f end";

        String line = encoded(event("a.B", Level.WARN, hostile));

        assertThat(line).contains("\"message\":\"a \\\"quoted\\\" \\\\path\\\\ /slash\\nline2\\r\\ttab \\b\\f"
                + " \\u0000 \\u0001 \\u001F \u007f end\"");
        assertThat(parsed(line).get("message").getStringValue()).isEqualTo(hostile);
    }

    @Test
    void shouldKeepNonAsciiAsUtf8_andEscapeEachSurrogateHalf() throws IOException {
        String text = "café 中文 \u2028 😀 broken \ud800 end";

        byte[] bytes = encoder.encode(event("a.B", Level.INFO, text));
        String line = new String(bytes, StandardCharsets.UTF_8);

        assertThat(line).contains("\"message\":\"café 中文 \u2028 \\uD83D\\uDE00 broken \\uD800 end\"");
        assertThat(bytes).containsSubsequence("é".getBytes(StandardCharsets.UTF_8));
        assertThat(parsed(encoded(event("a.B", Level.INFO, "café 😀"))).get("message").getStringValue())
                .isEqualTo("café 😀");
    }

    @Test
    void shouldEscapeFieldNamesAndMdcValues_andLeaveNullMdcValuesOut() throws IOException {
        Map<String, String> mdc = new HashMap<>();
        mdc.put("key \"with\" quote", "value\nwith newline");
        mdc.put("absent", null);
        LoggingEvent event = event(mdc, "a.B", Level.INFO, "m");

        String line = encoded(event);

        assertThat(line).contains(",\"key \\\"with\\\" quote\":\"value\\nwith newline\"").doesNotContain("absent");
        assertThat(parsed(line).get("key \"with\" quote").getStringValue()).isEqualTo("value\nwith newline");
    }

    @Test
    void shouldWriteOneObjectPerLine_whateverTheMessageHolds() {
        String two = encoded(event("a.B", Level.INFO, "first\nsecond\r\nthird"))
                + encoded(event("a.B", Level.ERROR, "}\n{\"level\":\"INFO\"}"));

        assertThat(two.lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"timestamp\":").endsWith("}"));
        assertThat(two).endsWith("}\n");
    }

    @Test
    void shouldWriteEveryLevelByName_andShortenLongLoggerNamesTo36Characters() {
        assertThat(List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR))
                .map(level -> encoded(event("a.B", level, "m")))
                .containsExactly(
                        "{\"timestamp\":\"2026-12-03T16:05:09.12Z\",\"message\":\"m\",\"logger\":\"a.B\",\"level\":\"TRACE\"}\n",
                        "{\"timestamp\":\"2026-12-03T16:05:09.12Z\",\"message\":\"m\",\"logger\":\"a.B\",\"level\":\"DEBUG\"}\n",
                        "{\"timestamp\":\"2026-12-03T16:05:09.12Z\",\"message\":\"m\",\"logger\":\"a.B\",\"level\":\"INFO\"}\n",
                        "{\"timestamp\":\"2026-12-03T16:05:09.12Z\",\"message\":\"m\",\"logger\":\"a.B\",\"level\":\"WARN\"}\n",
                        "{\"timestamp\":\"2026-12-03T16:05:09.12Z\",\"message\":\"m\",\"logger\":\"a.B\",\"level\":\"ERROR\"}\n");
        assertThat(encoded(event("io.micronaut.context.DefaultBeanContext", Level.WARN, "m")))
                .contains("\"logger\":\"i.m.context.DefaultBeanContext\"");
        assertThat(encoded(event("io.mocplatform.jobapi.JobApi", Level.WARN, "m")))
                .contains("\"logger\":\"io.mocplatform.jobapi.JobApi\"");
        assertThat(encoded(event(Logger.ROOT_LOGGER_NAME, Level.WARN, "m"))).contains("\"logger\":\"ROOT\"");
    }

    @Test
    void shouldLeaveTheMessageOut_whenTheEventHasNone() {
        assertThat(encoded(event("a.B", Level.INFO, null)))
                .isEqualTo("{\"timestamp\":\"2026-12-03T16:05:09.12Z\",\"logger\":\"a.B\",\"level\":\"INFO\"}\n");
    }

    @Test
    void shouldWriteTheStackTraceWithCausesAndSuppressedExceptions_asOneEscapedString() throws IOException {
        IllegalStateException outer = new IllegalStateException("outer \"x\"",
                withFrames(new IOException("inner"), frame("c.D", "read", 7), frame("a.B", "run", 3)));
        outer.setStackTrace(new StackTraceElement[] {frame("a.B", "call", 5), frame("a.B", "run", 3)});
        outer.addSuppressed(withFrames(new RuntimeException("suppressed"), frame("e.F", "close", 9),
                frame("a.B", "run", 3)));
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), context.getLogger("a.B"), Level.ERROR,
                "failed", outer, null);
        event.setInstant(AT);
        event.setMDCPropertyMap(Map.of(LogContext.JOB_ID, "job_1"));

        String line = encoded(event);

        String trace = "java.lang.IllegalStateException: outer \"x\"\n"
                + "\tat a.B.call(B.java:5)\n"
                + "\tat a.B.run(B.java:3)\n"
                + "\tSuppressed: java.lang.RuntimeException: suppressed\n"
                + "\t\tat e.F.close(F.java:9)\n"
                + "\t\t... 1 common frames omitted\n"
                + "Caused by: java.io.IOException: inner\n"
                + "\tat c.D.read(D.java:7)\n"
                + "\t... 1 common frames omitted\n";
        assertThat(line).isEqualTo("{\"timestamp\":\"2026-12-03T16:05:09.12Z\",\"message\":\"failed\","
                + "\"logger\":\"a.B\",\"level\":\"ERROR\",\"stack_trace\":\"java.lang.IllegalStateException: outer"
                + " \\\"x\\\"\\n\\tat a.B.call(B.java:5)\\n\\tat a.B.run(B.java:3)\\n\\tSuppressed:"
                + " java.lang.RuntimeException: suppressed\\n\\t\\tat e.F.close(F.java:9)\\n\\t\\t... 1 common frames"
                + " omitted\\nCaused by: java.io.IOException: inner\\n\\tat c.D.read(D.java:7)\\n\\t... 1 common"
                + " frames omitted\\n\",\"job_id\":\"job_1\"}\n");
        assertThat(parsed(line).get("stack_trace").getStringValue()).isEqualTo(trace);
        assertThat(encoded(event("a.B", Level.ERROR, "no throwable"))).doesNotContain("stack_trace");
    }

    @Test
    void shouldWriteKeyValuePairsWithTheirJsonTypes_afterTheMdc() {
        LoggingEvent event = event(Map.of(LogContext.FUNCTION, "dlq-handler"), "a.B", Level.WARN, "dead letter");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("pages", 3);
        nested.put("names", List.of("a", "b\"c"));
        for (Object[] pair : new Object[][] {
                {"text", "x"}, {"count", 4}, {"big", 5_000_000_000L}, {"ratio", 1.5}, {"huge", 1e20},
                {"amount", new BigDecimal("1.10")}, {"flag", true}, {"nothing", null}, {"nested", nested},
                {"array", new int[] {1, 2}}, {"day", DayOfWeek.MONDAY}, {"nan", Double.NaN},
                {"other", new StringBuilder("sb")}, {"instant", AT}, {"path", Path.of("work")}}) {
            event.addKeyValuePair(new KeyValuePair((String) pair[0], pair[1]));
        }

        assertThat(encoded(event)).isEqualTo("{\"timestamp\":\"2026-12-03T16:05:09.12Z\",\"message\":\"dead letter\","
                + "\"logger\":\"a.B\",\"level\":\"WARN\",\"function\":\"dlq-handler\",\"text\":\"x\",\"count\":4,"
                + "\"big\":5000000000,\"ratio\":1.5,\"huge\":1.0E20,\"amount\":1.10,\"flag\":true,\"nothing\":null,"
                + "\"nested\":{\"pages\":3,\"names\":[\"a\",\"b\\\"c\"]},\"array\":[1,2],\"day\":\"MONDAY\","
                + "\"nan\":\"NaN\",\"other\":\"sb\",\"instant\":\"2026-12-03T16:05:09.120Z\",\"path\":\"work\"}\n");
    }

    @Test
    void shouldWriteMarkerNamesAsTags_includingTheMarkersTheyReferTo() {
        LoggingEvent event = event("a.B", Level.INFO, "m");
        org.slf4j.Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
        audit.add(MarkerFactory.getDetachedMarker("SECURITY"));
        event.addMarker(audit);
        event.addMarker(MarkerFactory.getDetachedMarker("CONFIDENTIAL"));

        assertThat(encoded(event)).endsWith(",\"level\":\"INFO\",\"tags\":[\"AUDIT\",\"SECURITY\",\"CONFIDENTIAL\"]}\n");
        assertThat(encoded(event("a.B", Level.INFO, "m"))).doesNotContain("tags");
    }

    private static StackTraceElement frame(String type, String method, int line) {
        return new StackTraceElement(type, method, type.substring(type.lastIndexOf('.') + 1) + ".java", line);
    }

    private static <T extends Throwable> T withFrames(T throwable, StackTraceElement... frames) {
        throwable.setStackTrace(frames);
        return throwable;
    }
}
