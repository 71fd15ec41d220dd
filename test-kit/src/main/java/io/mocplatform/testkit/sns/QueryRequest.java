package io.mocplatform.testkit.sns;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of an AWS query-protocol request ({@code Action=Publish&TopicArn=...}), from the form body and
 * the URL query, with helpers for the flattened maps the SDK writes
 * ({@code Attributes.entry.1.key}, {@code MessageAttributes.entry.1.Value.StringValue}).
 */
final class QueryRequest {

    private final Map<String, String> parameters;

    private QueryRequest(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    static QueryRequest parse(String query, String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String source : new String[] {query, body}) {
            if (source == null || source.isEmpty()) {
                continue;
            }
            for (String pair : source.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.put(name, value);
            }
        }
        return new QueryRequest(parameters);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    String action() {
        return parameters.getOrDefault("Action", "");
    }

    /** The parameter's value, or null. */
    String get(String name) {
        return parameters.get(name);
    }

    /** The parameter's value; a missing or blank one is the caller's error, as in SNS. */
    String require(String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw SnsError.invalidParameter(name + " is required");
        }
        return value;
    }

    /** A {@code Name.entry.N.key}/{@code Name.entry.N.value} map such as topic or subscription attributes. */
    Map<String, String> stringMap(String name) {
        Map<String, String> result = new LinkedHashMap<>();
        entries(name).forEach((index, fields) -> {
            String key = fields.get("key");
            if (key != null) {
                result.put(key, fields.getOrDefault("value", ""));
            }
        });
        return result;
    }

    /** {@code MessageAttributes.entry.N.Name} with {@code .Value.DataType} and a string or binary value. */
    Map<String, PublishedMessage.MessageAttribute> messageAttributes() {
        Map<String, PublishedMessage.MessageAttribute> result = new LinkedHashMap<>();
        entries("MessageAttributes").forEach((index, fields) -> {
            String attributeName = fields.get("Name");
            String dataType = fields.get("Value.DataType");
            if (attributeName == null || dataType == null) {
                throw SnsError.invalidParameter("message attribute " + index + " needs a name and a data type");
            }
            String value = fields.containsKey("Value.BinaryValue") ? fields.get("Value.BinaryValue")
                    : fields.get("Value.StringValue");
            if (value == null) {
                throw SnsError.invalidParameter("message attribute " + attributeName + " has no value");
            }
            result.put(attributeName, new PublishedMessage.MessageAttribute(dataType, value));
        });
        return result;
    }

    /** Groups {@code prefix.entry.N.rest} parameters by N, in index order. */
    private Map<Integer, Map<String, String>> entries(String prefix) {
        String start = prefix + ".entry.";
        Map<Integer, Map<String, String>> entries = new TreeMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(start)) {
                String rest = name.substring(start.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    int index = Integer.parseInt(rest.substring(0, dot));
                    entries.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(rest.substring(dot + 1), value);
                }
            }
        });
        return entries;
    }
}
