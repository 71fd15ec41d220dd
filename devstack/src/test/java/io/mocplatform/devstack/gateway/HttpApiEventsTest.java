package io.mocplatform.devstack.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.mocplatform.devstack.contract.PlatformContract;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpApiEventsTest {

    private final RouteTable routes = new RouteTable(PlatformContract.embedded().routes());
    private final JwtAuthorizer.Result alice = new JwtAuthorizer.Result(true, null, null,
            Map.of("sub", "alice", "email", "alice@example.com"), null);

    @Test
    void shouldBuildPayload20Event_withRouteRequestContextAndClaims() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("X-Tag", List.of("a", "b"));
        headers.put("Cookie", List.of("theme=dark; lang=en"));
        var request = new HttpApiEvents.Request("POST", "/images/img_1/complete", "q=a&q=b&limit=5", headers,
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1");
        var match = routes.match("POST", "/images/img_1/complete").orElseThrow();

        JsonNode event = HttpApiEvents.event(request, match, alice, "Abc123=", Instant.parse("2026-03-01T10:00:00Z"),
                "127.0.0.1:8080");

        assertThat(event.path("version").asText()).isEqualTo("2.0");
        assertThat(event.path("routeKey").asText()).isEqualTo("POST /images/{imageId}/complete");
        assertThat(event.path("rawPath").asText()).isEqualTo("/images/img_1/complete");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("q=a&q=b&limit=5");
        assertThat(event.path("queryStringParameters").path("q").asText()).isEqualTo("a,b");
        assertThat(event.path("pathParameters").path("imageId").asText()).isEqualTo("img_1");
        assertThat(event.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(event.path("headers").path("x-tag").asText()).isEqualTo("a,b");
        assertThat(event.path("headers").has("cookie")).isFalse();
        assertThat(event.path("cookies")).extracting(JsonNode::asText).containsExactly("theme=dark", "lang=en");
        assertThat(event.path("body").asText()).isEqualTo("{\"x\":1}");
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        JsonNode context = event.path("requestContext");
        assertThat(context.path("requestId").asText()).isEqualTo("Abc123=");
        assertThat(context.path("routeKey").asText()).isEqualTo("POST /images/{imageId}/complete");
        assertThat(context.path("stage").asText()).isEqualTo("$default");
        assertThat(context.path("http").path("method").asText()).isEqualTo("POST");
        assertThat(context.path("timeEpoch").asLong()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
        assertThat(context.path("time").asText()).isEqualTo("01/Mar/2026:10:00:00 +0000");
        assertThat(context.path("authorizer").path("jwt").path("claims").path("sub").asText()).isEqualTo("alice");
    }

    @Test
    void shouldBase64EncodeTheBody_whenContentTypeIsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        var request = new HttpApiEvents.Request("POST", "/images", "", Map.of("Content-Type", List.of("image/png")),
                png, "127.0.0.1", "HTTP/1.1");

        JsonNode event = HttpApiEvents.event(request, routes.match("POST", "/images").orElseThrow(), alice, "r=",
                Instant.EPOCH, "localhost");

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(png);
    }

    @Test
    void shouldReadStatusHeadersCookiesAndBase64Body_fromAPayload20Response() throws Exception {
        String json = """
                {"statusCode":201,"headers":{"Content-Type":"application/json","Location":"/status/job_1"},
                 "cookies":["a=1","b=2"],"body":"eyJvayI6dHJ1ZX0=","isBase64Encoded":true}""";

        HttpApiEvents.Response response = HttpApiEvents.response(json.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("Location", List.of("/status/job_1"))
                .containsEntry("Set-Cookie", List.of("a=1", "b=2"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void shouldInferA200JsonResponse_whenThePayloadHasNoStatusCode() throws Exception {
        HttpApiEvents.Response response = HttpApiEvents.response("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":\"world\"}");
    }
}
