package io.mocplatform.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JSON request bodies strictly, the same way on both APIs, each broken rule its own problem: the declared
 * {@code Content-Type} (415 {@code unsupported_media_type}, also when it is missing), a body at all
 * ({@code missing_body}), the size limit {@code api.max-body-bytes} (413 {@code body_too_large}), valid JSON
 * ({@code malformed_json}), exactly one JSON object with nothing after it ({@code trailing_data}) and no field twice
 * ({@code duplicate_field}). Values keep their JSON types, so {@link JsonObject} can refuse {@code "100"} or
 * {@code 1.5} where a whole number belongs instead of coercing them. Parser messages are never echoed: they quote
 * the input and name library classes.
 */
@Singleton
public class JsonBodies {

    /** Media type of ordinary JSON bodies. */
    public static final String JSON = MediaType.APPLICATION_JSON;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final long maxBytes;

    public JsonBodies(@Value("${api.max-body-bytes:16384}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body as a JSON object sent as {@code application/json}. */
    public JsonObject read(HttpRequest<?> request, String body) {
        return read(request, body, JSON);
    }

    /** The body as a JSON object sent with the given media type (e.g. {@code application/merge-patch+json}). */
    public JsonObject read(HttpRequest<?> request, String body, String mediaType) {
        requireContentType(request, mediaType);
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("missing_body", "A JSON object body is required.");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw ProblemException.tooLarge("body_too_large",
                    "The request body is larger than " + maxBytes + " bytes.");
        }
        return parse(body);
    }

    /** The single JSON object in {@code body}; anything else is a 400 naming the rule it breaks. */
    static JsonObject parse(String body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ProblemException.badRequest("malformed_json", "The request body must be a JSON object.");
            }
            Map<String, Object> fields = readObject(parser);
            JsonToken after;
            try {
                after = parser.nextToken();
            } catch (JsonParseException garbage) {
                after = JsonToken.NOT_AVAILABLE;
            }
            if (after != null) {
                throw ProblemException.badRequest("trailing_data", "The request body must hold exactly one JSON "
                        + "object; more data follows it " + where(parser.currentTokenLocation()) + ".");
            }
            return new JsonObject(fields);
        } catch (JsonParseException malformed) {
            String message = String.valueOf(malformed.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                throw ProblemException.badRequest("duplicate_field", "A field appears more than once in the body "
                        + where(malformed.getLocation()) + "; give each field once.");
            }
            throw ProblemException.badRequest("malformed_json",
                    "The request body is not valid JSON (" + where(malformed.getLocation()) + ").");
        } catch (StreamConstraintsException tooDeep) {
            throw ProblemException.badRequest("malformed_json", "The request body nests or repeats too deeply.");
        } catch (IOException unreadable) {
            throw ProblemException.badRequest("malformed_json", "The request body is not valid JSON.");
        }
    }

    private static void requireContentType(HttpRequest<?> request, String expected) {
        String declared = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (declared == null || declared.isBlank()) {
            throw unsupported("This request needs Content-Type: " + expected + "; the request has none.");
        }
        String[] parts = declared.split(";");
        boolean matches = parts[0].trim().equalsIgnoreCase(expected);
        for (int i = 1; i < parts.length && matches; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
            matches = parameter.isEmpty() || parameter.equals("charset=utf-8") || parameter.equals("charset=\"utf-8\"");
        }
        if (!matches) {
            throw unsupported("This request needs Content-Type: " + expected + " (UTF-8); the request declares "
                    + printable(parts[0].trim()) + ".");
        }
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Unsupported media type", detail, null, null);
    }

    /** A client-sent header value, cut and reduced to printable ASCII, for quoting in a detail. */
    private static String printable(String value) {
        String ascii = value.replaceAll("[^\\x20-\\x7e]", "?");
        return ascii.length() <= 60 ? ascii : ascii.substring(0, 60) + "...";
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            fields.put(name, readValue(parser));
        }
        return fields;
    }

    private static Object readValue(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    items.add(readValue(parser));
                }
                yield items;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getBigIntegerValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> JsonObject.NULL;
            default -> throw ProblemException.badRequest("malformed_json", "The request body is not valid JSON.");
        };
    }

    private static String where(JsonLocation location) {
        return location == null ? "in the body"
                : "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
