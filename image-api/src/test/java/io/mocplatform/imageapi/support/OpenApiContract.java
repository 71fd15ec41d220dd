package io.mocplatform.imageapi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks real handler responses against {@code openapi/image-api.yaml}: the status is documented for the
 * operation, documented headers are present and well-formed, and the body has a documented media type and
 * matches its JSON Schema (2020-12, OpenAPI 3.1's dialect). It also remembers which documented responses were
 * seen, so a test can insist every one of them was exercised.
 */
public final class OpenApiContract {

    public static final String RESOURCE = "openapi/image-api.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            document = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /**
     * Every documented response the function itself can give, as {@code METHOD /path STATUS}; those only API
     * Gateway gives ({@code x-gateway-only}: throttling, the function failing or timing out) are left out.
     */
    public Set<String> documentedResponses() {
        Set<String> all = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getKey().equals("parameters")) {
                op.getValue().get("responses").fields().forEachRemaining(status -> {
                    if (!resolve(status.getValue()).path("x-gateway-only").asBoolean(false)) {
                        all.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + status.getKey());
                    }
                });
            }
        }));
        return all;
    }

    /** The documented responses seen so far. */
    public Set<String> seenResponses() {
        return new TreeSet<>(seen);
    }

    /** Violations of the document by this response to {@code method path}; empty when it conforms. */
    public List<String> violations(String method, String path, HttpApiEvents.Response response) {
        List<String> violations = new ArrayList<>();
        String template = template(path);
        if (template == null) {
            return List.of("no documented path matches " + path);
        }
        JsonNode operation = document.get("paths").get(template).get(method.toLowerCase());
        if (operation == null) {
            return List.of(method + " " + template + " is not documented");
        }
        String status = Integer.toString(response.status());
        JsonNode documented = resolve(operation.get("responses").get(status));
        if (documented == null) {
            return List.of(method + " " + template + " answered " + status + ", which is not documented");
        }
        seen.add(method + " " + template + " " + status);
        JsonNode headers = documented.get("headers");
        if (headers != null) {
            headers.fields().forEachRemaining(h -> {
                JsonNode header = resolve(h.getValue());
                String value = response.header(h.getKey());
                if (value == null) {
                    if (header.path("required").asBoolean(false)) {
                        violations.add("header " + h.getKey() + " is missing");
                    }
                } else if (header.path("schema").has("pattern")
                        && !Pattern.compile(header.get("schema").get("pattern").asText()).matcher(value).find()) {
                    violations.add("header " + h.getKey() + " '" + value + "' does not match its pattern");
                }
            });
        }
        JsonNode content = documented.get("content");
        String body = response.body();
        if (content == null) {
            if (body != null && !body.isEmpty()) {
                violations.add("a body was sent where none is documented: " + body);
            }
            return violations;
        }
        String contentType = response.header("Content-Type");
        String mediaType = contentType == null ? null : contentType.split(";")[0].trim();
        if (mediaType == null || !content.has(mediaType)) {
            violations.add("content type " + contentType + " is not one of " + iterable(content.fieldNames()));
            return violations;
        }
        String ref = content.get(mediaType).get("schema").get("$ref").asText();
        JsonSchema schema = compiled.computeIfAbsent(ref,
                r -> schemas.getSchema(SchemaLocation.of("classpath:" + RESOURCE + r)));
        try {
            for (ValidationMessage message : schema.validate(JSON.readTree(body))) {
                violations.add(message.getMessage());
            }
        } catch (IOException e) {
            violations.add("body is not JSON: " + body);
        }
        return violations;
    }

    private String template(String path) {
        Iterator<String> templates = document.get("paths").fieldNames();
        while (templates.hasNext()) {
            String template = templates.next();
            String regex = template.replaceAll("\\{[^}]+}", "[^/]+");
            if (path.matches(regex)) {
                return template;
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode node) {
        if (node != null && node.has("$ref")) {
            JsonNode target = document;
            for (String part : node.get("$ref").asText().substring(2).split("/")) {
                target = target.get(part);
            }
            return target;
        }
        return node;
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
