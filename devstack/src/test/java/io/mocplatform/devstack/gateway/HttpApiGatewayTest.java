package io.mocplatform.devstack.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.devstack.contract.PlatformContract;
import io.mocplatform.devstack.lambda.InvocationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP front on a real socket, with a recording stand-in for the functions behind it. */
class HttpApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private final List<JsonNode> invocations = new CopyOnWriteArrayList<>();
    private final List<Integer> logged = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpApiGateway gateway;
    private String token;
    private volatile InvocationResult nextResult;

    @BeforeEach
    void start() throws Exception {
        SigningKeys keys = SigningKeys.inDataDir(dataDir);
        Clock clock = Clock.systemUTC();
        token = new JwtIssuer(keys, JwtSettings.LOCAL, clock).issue("alice", Duration.ofMinutes(5), Map.of());
        nextResult = ok("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":\"{\\\"image_id\\\":\\\"img_1\\\"}\",\"isBase64Encoded\":false}");
        gateway = HttpApiGateway.start(0, new RouteTable(PlatformContract.embedded().routes()),
                new JwtAuthorizer(keys, JwtSettings.LOCAL, clock), keys, (function, event) -> {
                    try {
                        JsonNode node = JSON.readTree(event);
                        invocations.add(JSON.createObjectNode().put("function", function).set("event", node));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return nextResult;
                }, (method, path, status, duration, requestId, detail) -> logged.add(status), clock);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void shouldAnswer404Problem_beforeAnyFunction_whenNoRouteMatches() throws Exception {
        HttpResponse<String> response = send(request("/unknown").header("Authorization", "Bearer " + token).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("type").asText()).isEqualTo("urn:moc-platform:problem:not_found");
        assertThat(invocations).isEmpty();
    }

    @Test
    void shouldAnswer401Problem_whenTheTokenIsMissingOrForged() throws Exception {
        HttpResponse<String> missing = send(request("/images").GET());
        HttpResponse<String> forged = send(request("/images").header("Authorization", "Bearer " + token + "x").GET());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(forged.body()).path("status").asInt()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(invocations).isEmpty();
    }

    @Test
    void shouldAnswer413Problem_whenTheBodyExceedsTenMegabytes() throws Exception {
        byte[] body = new byte[HttpApiGateway.MAX_BODY_BYTES + 1];

        HttpResponse<String> response = send(request("/images").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(invocations).isEmpty();
    }

    @Test
    void shouldInvokeTheRoutesFunction_andRelayItsResponse() throws Exception {
        HttpResponse<String> response = send(request("/images?album_id=a1").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("X-Correlation-Id", "corr-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"filename\":\"a.png\"}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"image_id\":\"img_1\"}");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
        assertThat(invocations).hasSize(1);
        JsonNode invocation = invocations.getFirst();
        JsonNode event = invocation.path("event");
        assertThat(invocation.path("function").asText()).isEqualTo("image-api");
        assertThat(event.path("routeKey").asText()).isEqualTo("POST /images");
        assertThat(event.path("rawQueryString").asText()).isEqualTo("album_id=a1");
        assertThat(event.path("headers").path("x-correlation-id").asText()).isEqualTo("corr-1");
        assertThat(event.path("requestContext").path("requestId").asText())
                .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(event.path("requestContext").path("authorizer").path("jwt").path("claims").path("sub").asText())
                .isEqualTo("alice");
        assertThat(event.path("body").asText()).isEqualTo("{\"filename\":\"a.png\"}");
        assertThat(logged).containsExactly(201);
    }

    @Test
    void shouldAnswer503_whenTheFunctionTimesOut_and500_whenItFails() throws Exception {
        nextResult = new InvocationResult("r1", InvocationResult.Status.TIMED_OUT, new byte[0], "Task timed out",
                Duration.ofSeconds(29));
        HttpResponse<String> timedOut = send(request("/jobs").header("Authorization", "Bearer " + token).GET());
        nextResult = new InvocationResult("r2", InvocationResult.Status.FUNCTION_ERROR, new byte[0],
                "java.lang.IllegalStateException: boom", Duration.ofMillis(3));
        HttpResponse<String> failed = send(request("/jobs").header("Authorization", "Bearer " + token).GET());

        assertThat(timedOut.statusCode()).isEqualTo(503);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("boom");
    }

    @Test
    void shouldServeTheJwks_withoutAToken() throws Exception {
        HttpResponse<String> response = send(request(HttpApiGateway.JWKS_PATH).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static InvocationResult ok(String payload) {
        return new InvocationResult("r", InvocationResult.Status.OK, payload.getBytes(StandardCharsets.UTF_8), null,
                Duration.ofMillis(1));
    }
}
