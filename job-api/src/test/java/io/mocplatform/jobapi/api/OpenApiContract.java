package io.mocplatform.jobapi.api;

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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks real handler answers against {@code openapi/job-api.yaml} (OpenAPI 3.1): the path and method are
 * documented, the status is documented for them, the media type is declared, the body matches the JSON Schema
 * (2020-12, OpenAPI 3.1 dialect) and required headers are present. Answers for undocumented paths (unknown
 * routes) are not checked.
 */
final class OpenApiContract {

    static final String DOCUMENT = "openapi/job-api.yaml";

    private final JsonNode document;
    private final Map<Pattern, String> templates = new LinkedHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper jackson = new ObjectMapper();

    OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            document = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
            String template = paths.next();
            templates.put(Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), template);
        }
    }

    /** What is wrong with the answer, empty when it conforms. */
    List<String> violations(String method, String path, int status, String contentType, Map<String, String> headers,
                            String body) {
        Optional<String> template = templates.entrySet().stream().filter(e -> e.getKey().matcher(path).matches())
                .map(Map.Entry::getValue).findFirst();
        if (template.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        JsonNode operation = document.get("paths").get(template.get()).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            // A method the path does not have: Micronaut's own 405, outside the documented API.
            return status == 405 ? List.of() : List.of(method + " " + template.get() + " is not documented");
        }
        JsonNode response = resolve(operation.get("responses").get(Integer.toString(status)));
        if (response == null) {
            return List.of(method + " " + template.get() + " does not document status " + status);
        }
        response.path("headers").fields().forEachRemaining(header -> {
            if (resolve(header.getValue()).path("required").asBoolean(false) && !headers.containsKey(header.getKey())) {
                problems.add("required header " + header.getKey() + " is missing");
            }
        });
        JsonNode content = response.get("content");
        if (content == null) {
            return problems;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim();
        JsonNode media = content.get(mediaType);
        if (media == null) {
            problems.add("media type '" + mediaType + "' is not documented for " + status);
            return problems;
        }
        String ref = media.get("schema").get("$ref").asText();
        JsonNode instance;
        try {
            instance = jackson.readTree(body);
        } catch (IOException e) {
            problems.add("body is not JSON: " + body);
            return problems;
        }
        Set<ValidationMessage> messages = schema(ref).validate(instance);
        messages.forEach(m -> problems.add(m.getMessage()));
        return problems;
    }

    /** The schema at a local reference such as {@code #/components/schemas/JobStatus}. */
    JsonSchema schema(String localRef) {
        return schemas.computeIfAbsent(localRef, ref -> factory.getSchema(
                SchemaLocation.of("classpath:" + DOCUMENT + ref), config));
    }

    private JsonNode resolve(JsonNode node) {
        if (node == null || !node.has("$ref")) {
            return node;
        }
        String pointer = node.get("$ref").asText().substring(1);
        return resolve(document.at(pointer));
    }
}
