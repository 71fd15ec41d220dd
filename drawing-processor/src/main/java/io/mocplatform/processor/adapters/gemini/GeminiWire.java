package io.mocplatform.processor.adapters.gemini;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** The parts of the {@code generateContent} REST shapes the analyser uses (camelCase, as the API writes them). */
final class GeminiWire {

    private GeminiWire() {
    }

    @Serdeable
    record GenerateRequest(List<Content> contents, GenerationConfig generationConfig) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Content(String role, List<Part> parts) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Part(String text, InlineData inlineData) {
        static Part text(String text) {
            return new Part(text, null);
        }

        static Part png(String base64) {
            return new Part(null, new InlineData("image/png", base64));
        }
    }

    @Serdeable
    record InlineData(String mimeType, String data) {
    }

    @Serdeable
    record GenerationConfig(String responseMimeType, Map<String, Object> responseSchema, double temperature) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record GenerateResponse(List<Candidate> candidates, PromptFeedback promptFeedback, UsageMetadata usageMetadata) {
    }

    /** Present without candidates when the model's filters refused the prompt itself. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PromptFeedback(String blockReason) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Candidate(Content content, String finishReason) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UsageMetadata(Long promptTokenCount, Long candidatesTokenCount, Long thoughtsTokenCount) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorResponse(ErrorBody error) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(Integer code, String message, String status, List<Map<String, Object>> details) {
    }

    /** What the response schema asks the model for. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelOutput(List<ModelComponent> components) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ModelComponent(String tag, String type, List<Integer> pages, String description) {
    }

    /** JSON schema (OpenAPI subset) that constrains the model's answer. */
    static Map<String, Object> responseSchema() {
        Map<String, Object> component = Map.of(
                "type", "OBJECT",
                "properties", Map.of(
                        "tag", Map.of("type", "STRING", "description", "device tag as written, e.g. CR-101"),
                        "type", Map.of("type", "STRING", "description", "snake_case device type, e.g. card_reader"),
                        "pages", Map.of("type", "ARRAY", "items", Map.of("type", "INTEGER")),
                        "description", Map.of("type", "STRING")),
                "required", List.of("tag", "type", "pages"));
        return Map.of("type", "OBJECT",
                "properties", Map.of("components", Map.of("type", "ARRAY", "items", component)),
                "required", List.of("components"));
    }
}
