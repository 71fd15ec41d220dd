package io.mocplatform.testkit.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks real handler answers against an API's OpenAPI 3.1 document: the path, method and status are documented,
 * required headers are present and documented header patterns hold, the media type is declared, and the body
 * matches its JSON Schema (2020-12 in OpenAPI 3.1's dialect, with format assertions). It remembers which documented
 * responses it saw, so a suite can insist that every one was exercised ({@link #documentedResponses()}).
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String resource;
    private final JsonNode document;
    private final Map<Pattern, String> templates = new LinkedHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** The document at {@code resource} on the class path, e.g. {@code openapi/job-api.yaml}. */
    public OpenApiContract(String resource) {
        this.resource = resource;
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no OpenAPI document " + resource + " on the class path");
            }
            document = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.get("paths").fieldNames().forEachRemaining(template ->
                templates.put(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), template));
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
                        all.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + status.getKey());
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

    /** What is wrong with a handler's answer; empty when it conforms. */
    public List<String> violations(ApiGatewayEvents.Response response) {
        return violations(response.method(), response.path(), response.status(), response.headers(),
                response.body());
    }

    /**
     * What is wrong with the answer {@code status, headers, body} to {@code method path}; empty when it conforms.
     * An undocumented path answered 404, or an undocumented method answered 405, is the router's own answer and
     * conforms.
     */
    public List<String> violations(String method, String path, int status, Map<String, String> headers,
                                   String body) {
        Map<String, String> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        header.putAll(headers);
        String template = templates.entrySet().stream().filter(e -> e.getKey().matcher(path).matches())
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (template == null) {
            return status == 404 ? List.of() : List.of("no documented path matches " + path);
        }
        JsonNode operation = document.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            return status == 405 ? List.of() : List.of(method + " " + template + " is not documented");
        }
        JsonNode response = resolve(operation.get("responses").get(Integer.toString(status)));
        if (response == null) {
            return List.of(method + " " + template + " answered " + status + ", which is not documented");
        }
        seen.add(method.toUpperCase(Locale.ROOT) + " " + template + " " + status);
        List<String> problems = new ArrayList<>();
        response.path("headers").fields().forEachRemaining(documented -> {
            JsonNode spec = resolve(documented.getValue());
            String value = header.get(documented.getKey());
            if (value == null) {
                if (spec.path("required").asBoolean(false)) {
                    problems.add("required header " + documented.getKey() + " is missing");
                }
            } else if (spec.path("schema").has("pattern")
                    && !Pattern.compile(spec.get("schema").get("pattern").asText()).matcher(value).find()) {
                problems.add("header " + documented.getKey() + " '" + value + "' does not match its pattern");
            }
        });
        JsonNode content = response.get("content");
        if (content == null) {
            if (body != null && !body.isEmpty()) {
                problems.add("a body was sent where none is documented: " + body);
            }
            return problems;
        }
        String contentType = header.get("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
        JsonNode media = content.get(mediaType);
        if (media == null) {
            problems.add("media type '" + mediaType + "' is not documented for " + status);
            return problems;
        }
        JsonNode ref = media.path("schema").get("$ref");
        if (ref == null) {
            // Every body schema is a named component, so that clients and this check share one definition.
            problems.add("the " + mediaType + " schema for " + status + " is not a $ref to a component");
            return problems;
        }
        try {
            for (ValidationMessage message : schema(ref.asText()).validate(JSON.readTree(body))) {
                problems.add(message.getMessage());
            }
        } catch (IOException e) {
            problems.add("body is not JSON: " + body);
        }
        return problems;
    }

    /** The schema at a local reference such as {@code #/components/schemas/JobStatus}. */
    public JsonSchema schema(String localRef) {
        return schemas.computeIfAbsent(localRef, ref -> factory.getSchema(
                SchemaLocation.of("classpath:" + resource + ref), config));
    }

    private JsonNode resolve(JsonNode node) {
        if (node == null || !node.has("$ref")) {
            return node;
        }
        return resolve(document.at(node.get("$ref").asText().substring(1)));
    }
}
