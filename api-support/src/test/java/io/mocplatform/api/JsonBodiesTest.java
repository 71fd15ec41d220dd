package io.mocplatform.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonBodiesTest {

    private final JsonBodies bodies = new JsonBodies(64);

    private static MutableHttpRequest<String> post(String contentType) {
        MutableHttpRequest<String> request = HttpRequest.POST("/things", "");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    private ProblemException refusal(String contentType, String body) {
        return (ProblemException) org.assertj.core.api.Assertions.catchThrowable(
                () -> bodies.read(post(contentType), body).allowOnly(Set.of("size_bytes", "name")));
    }

    @Test
    void shouldReadTypedFields_whenTheBodyIsOneJsonObject() {
        JsonObject object = bodies.read(post("application/json; charset=UTF-8"),
                " {\"size_bytes\": 100, \"name\": \"a\", \"tags\": [\"x\"], \"gone\": null} \n");

        assertThat(object.integer("size_bytes")).isEqualTo(100L);
        assertThat(object.string("name")).isEqualTo("a");
        assertThat(object.strings("tags")).containsExactly("x");
        assertThat(object.has("gone")).isTrue();
        assertThat(object.isNull("gone")).isTrue();
        assertThat(object.string("missing")).isNull();
        assertThat(object.check()).isSameAs(object);
    }

    @Test
    void shouldRefuseTrailingData_afterTheObject() {
        assertThat(refusal("application/json", "{\"name\":\"a\"} garbage").slug()).isEqualTo("trailing_data");
        assertThat(refusal("application/json", "{\"name\":\"a\"}{\"name\":\"b\"}").slug()).isEqualTo("trailing_data");
        assertThat(refusal("application/json", "{\"name\":\"a\"}}").slug()).isEqualTo("trailing_data");
        assertThat(refusal("application/json", "{\"name\":\"a\"} 1").getMessage())
                .isEqualTo("The request body must hold exactly one JSON object; more data follows it at line 1, column 14.");
    }

    @Test
    void shouldRefuseMissingOrWrongContentType_with415() {
        ProblemException none = refusal(null, "{\"name\":\"a\"}");
        ProblemException text = refusal("text/plain", "{\"name\":\"a\"}");
        ProblemException latin = refusal("application/json; charset=iso-8859-1", "{\"name\":\"a\"}");

        assertThat(List.of(none, text, latin)).allSatisfy(p -> {
            assertThat(p.status().getCode()).isEqualTo(415);
            assertThat(p.slug()).isEqualTo("unsupported_media_type");
        });
        assertThat(none.getMessage()).isEqualTo("This request needs Content-Type: application/json; the request has none.");
        assertThat(text.getMessage()).contains("declares text/plain");
    }

    @Test
    void shouldRefuseUnknownAndDuplicateFields() {
        ProblemException unknown = refusal("application/json", "{\"name\":\"a\",\"owner\":\"bob\",\"status\":\"active\"}");
        assertThat(unknown.slug()).isEqualTo("unknown_field");
        assertThat(unknown.getMessage()).startsWith("Unknown field(s) [owner, status]");
        assertThat(refusal("application/json", "{\"name\":\"a\",\"name\":\"b\"}").slug()).isEqualTo("duplicate_field");
    }

    @Test
    void shouldNeverCoerce_whenANumberIsAStringAFractionOrTooLarge() {
        for (String value : List.of("\"100\"", "1.5", "1e2", "9223372036854775808", "true", "[1]")) {
            JsonObject object = bodies.read(post("application/json"), "{\"size_bytes\":" + value + "}");

            assertThat(object.integer("size_bytes")).as(value).isNull();
            assertThatThrownBy(object::check).as(value).isInstanceOfSatisfying(ProblemException.class, p -> {
                assertThat(p.slug()).isEqualTo("wrong_type");
                assertThat(p.getMessage()).startsWith("size_bytes must be").doesNotContain("java", "io.");
            });
        }
    }

    @Test
    void shouldRefuseMalformedEmptyNonObjectAndOversizedBodies() {
        assertThat(refusal("application/json", "{\"name\": ").slug()).isEqualTo("malformed_json");
        assertThat(refusal("application/json", "[1, 2]").slug()).isEqualTo("malformed_json");
        assertThat(refusal("application/json", "  ").slug()).isEqualTo("missing_body");
        ProblemException large = refusal("application/json", "{\"name\":\"" + "x".repeat(64) + "\"}");
        assertThat(large.status().getCode()).isEqualTo(413);
        assertThat(large.slug()).isEqualTo("body_too_large");
    }

    @Test
    void shouldNotQuoteTheParser_whenTheJsonIsMalformed() {
        ProblemException malformed = refusal("application/json", "{\"name\": tru}");

        assertThat(malformed.getMessage()).isEqualTo("The request body is not valid JSON (at line 1, column 13).");
    }
}
