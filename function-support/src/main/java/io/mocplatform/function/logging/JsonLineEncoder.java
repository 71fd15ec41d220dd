package io.mocplatform.function.logging;

import ch.qos.logback.classic.pattern.Abbreviator;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per log event, on one line: the format CloudWatch Logs Insights reads as columns.
 *
 * <p>The fields, in this order: {@code timestamp} (ISO-8601 with the zone offset, to the nanosecond the event
 * carries), {@code message} (formatted; left out when there is none), {@code logger} (abbreviated to 36
 * characters, {@code i.m.j.a.d.DynamoDbJobRepository}), {@code level}, {@code stack_trace} (logback's
 * rendering, causes and suppressed exceptions included) when the event has a throwable, then every MDC entry
 * (the {@link LogContext} fields) and every key-value pair of slf4j's fluent API as top-level fields, and
 * {@code tags} with the names of the event's markers. This is exactly what the logstash encoder wrote with the
 * settings the functions used; it is written by hand because that encoder built a Jackson {@code ObjectMapper}
 * (jackson-databind, about 500 classes with its date-time module) at every cold start.
 *
 * <p>MDC entries are strings; a key-value pair's value keeps its JSON type (numbers, booleans, maps, lists;
 * {@code null} as {@code null}; other objects as their {@code toString()}): see {@link JsonText#appendValue}.
 */
public class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    static final int LOGGER_NAME_LENGTH = 36;

    private final DateTimeFormatter timestamps;
    private final Abbreviator loggerNames = new TargetLengthBasedClassNameAbbreviator(LOGGER_NAME_LENGTH);
    private final ThrowableProxyConverter stackTraces = new ThrowableProxyConverter();

    /** Time stamps with the offset of the JVM's time zone (UTC on Lambda), as the logstash encoder wrote them. */
    public JsonLineEncoder() {
        this(ZoneId.systemDefault());
    }

    JsonLineEncoder(ZoneId zone) {
        this.timestamps = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    @Override
    public void start() {
        stackTraces.setContext(getContext());
        stackTraces.start();
        super.start();
    }

    @Override
    public void stop() {
        stackTraces.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256);
        line.append("{\"timestamp\":\"");
        timestamps.formatTo(event.getInstant(), line);
        line.append('"');
        String message = event.getFormattedMessage();
        if (message != null) {
            field(line, "message");
            JsonText.appendString(line, message);
        }
        field(line, "logger");
        JsonText.appendString(line, loggerNames.abbreviate(event.getLoggerName()));
        field(line, "level");
        JsonText.appendString(line, event.getLevel().toString());
        if (event.getThrowableProxy() != null) {
            field(line, "stack_trace");
            JsonText.appendString(line, stackTraces.convert(event));
        }
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            if (entry.getValue() != null) {
                field(line, entry.getKey());
                JsonText.appendString(line, entry.getValue());
            }
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (pair.key != null) {
                    field(line, pair.key);
                    JsonText.appendValue(line, pair.value);
                }
            }
        }
        List<Marker> markers = event.getMarkerList();
        if (markers != null && !markers.isEmpty()) {
            field(line, "tags");
            line.append('[');
            boolean first = true;
            for (Marker marker : markers) {
                first = appendTags(line, marker, first);
            }
            line.append(']');
        }
        line.append("}\n");
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder line, String name) {
        line.append(',');
        JsonText.appendString(line, name);
        line.append(':');
    }

    /** A marker's name, then those of the markers it refers to; returns whether the array is still empty. */
    private static boolean appendTags(StringBuilder line, Marker marker, boolean first) {
        if (!first) {
            line.append(',');
        }
        JsonText.appendString(line, marker.getName());
        for (Iterator<Marker> references = marker.iterator(); references.hasNext(); ) {
            appendTags(line, references.next(), false);
        }
        return false;
    }
}
