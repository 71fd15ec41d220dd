package io.mocplatform.dlq.domain;

/**
 * Makes text from outside (message bodies, correlation ids sent by clients, error messages) safe to print in an
 * alert, a log line or a terminal: control characters (line feeds and tabs included), line and paragraph
 * separators and invisible format characters (bidirectional overrides and isolates, zero-width characters) are
 * shown as {@code \\uXXXX} escapes instead of acting on the reader's screen, so a value can neither start a line
 * that looks like part of the alert nor reorder what is printed around it. The result is cut at a code-point
 * boundary with a note of how much was left out.
 */
public final class SafeText {

    private SafeText() {
    }

    /** The text made printable and cut to at most {@code limit} characters (plus the truncation note). */
    public static String printable(String text, int limit) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 32);
        int index = 0;
        while (index < text.length()) {
            int codePoint = text.codePointAt(index);
            String piece = isUnsafe(codePoint) ? escape(codePoint) : new String(Character.toChars(codePoint));
            if (out.length() + piece.length() > limit) {
                int remaining = text.codePointCount(index, text.length());
                return out.append("... [").append(remaining).append(" more characters cut]").toString();
            }
            out.append(piece);
            index += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** Like {@link #printable} but also flattened to one line of printable ASCII, as SNS subjects require. */
    public static String asciiLine(String text, int limit) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : c == '\n' || c == '\t' ? ' ' : '?'));
        String line = out.toString();
        return line.length() <= limit ? line : line.substring(0, limit - 3) + "...";
    }

    /** The value as a double-quoted Logs Insights string literal. */
    public static String queryLiteral(String value) {
        return '"' + printable(value, 200).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static boolean isUnsafe(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT
                || type == Character.UNASSIGNED || type == Character.SURROGATE;
    }

    private static String escape(int c) {
        return c <= 0xFFFF ? String.format("\\u%04x", c) : String.format("\\u{%x}", c);
    }
}
