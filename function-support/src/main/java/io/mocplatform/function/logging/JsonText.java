package io.mocplatform.function.logging;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * JSON text for log lines, written straight into a {@link StringBuilder}: the log encoder's whole JSON
 * vocabulary, so that logging needs no JSON library at start-up (a JSON mapper's classes were a tenth of a cold
 * start). Strings are escaped as Jackson escapes them, so a line reads byte for byte as it did with the
 * logstash encoder.
 */
final class JsonText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {
    }

    /**
     * Appends {@code text} as a JSON string. Quote and backslash are escaped, control characters too ({@code \n},
     * {@code \t}, {@code \r}, {@code \b}, {@code \f} in their short forms, others as {@code \}{@code u00XX}); so
     * are surrogates, each half as {@code \}{@code uXXXX}: a character outside the BMP survives either way, and a
     * lone half (a broken string) stays visible instead of turning into {@code ?} in UTF-8. Everything else,
     * non-ASCII included, is written as is (the line is encoded as UTF-8).
     */
    static void appendString(StringBuilder out, CharSequence text) {
        out.append('"');
        int length = text.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String shortForm = shortEscape(c);
            if (shortForm == null && c >= 0x20 && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(text, plainFrom, i);
            plainFrom = i + 1;
            if (shortForm != null) {
                out.append(shortForm);
            } else {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            }
        }
        out.append(text, plainFrom, length).append('"');
    }

    private static String shortEscape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> null;
        };
    }

    /**
     * Appends a field value the way a JSON mapper would for the types log fields carry: null, strings (and
     * characters, enum names), booleans, integral and decimal numbers (a non-finite floating-point number as a
     * string, as Jackson writes it), maps as objects, collections and arrays as arrays. Any other object is written
     * as the string of its {@code toString()}: a log line never fails because of a value. Only collections become
     * arrays, not every {@code Iterable}: a {@code Path} iterates over paths, itself among them, and would never end.
     */
    static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character) {
            appendString(out, value.toString());
        } else if (value instanceof Enum<?> constant) {
            appendString(out, constant.name());
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                out.append(value);
            } else {
                appendString(out, value.toString());
            }
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, String.valueOf(entry.getKey()));
                out.append(':');
                appendValue(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendValue(out, item);
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendValue(out, Array.get(value, i));
            }
            out.append(']');
        } else {
            appendString(out, value.toString());
        }
    }
}
