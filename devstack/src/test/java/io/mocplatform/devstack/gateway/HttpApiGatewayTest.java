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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP front on a real socket, with a recording stand-in for the functions behind it. */
class HttpApiGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BURST = 20;

    @TempDir
    Path dataDir;
    private final List<JsonNode> invocations = new CopyOnWriteArrayList<>();
    private final List<Integer> logged = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpApiGateway gateway;
    private String token;
    private volatile InvocationResult nextResult;
    private final MutableClock throttleClock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        SigningKeys keys = SigningKeys.inDataDir(dataDir);
        Clock clock = Clock.systemUTC();
        token = new JwtIssuer(keys, JwtSettings.LOCAL, clock).issue("alice", Duration.ofMinutes(5), Map.of());
        nextResult = ok("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"body\":\"{\\\"image_id\\\":\\\"img_1\\\"}\",\"isBase64Encoded\":false}");
        gateway = HttpApiGateway.start(0, new RouteTable(PlatformContract.embedded().routes()),
                new RouteThrottle(new RouteThrottle.Limits(BURST, 1), throttleClock),
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
    void shouldAnswer404InApiGatewaysShape_beforeAnyFunction_whenNoRouteMatches() throws Exception {
        HttpResponse<String> response = send(request("/unknown").header("Authorization", "Bearer " + token).GET());

        assertGatewayError(response, 404, "{\"message\":\"Not Found\"}");
        assertThat(invocations).isEmpty();
    }

    @Test
    void shouldAnswer401WithAChallenge_whenTheTokenIsMissingOrForged() throws Exception {
        HttpResponse<String> missing = send(request("/images").GET());
        HttpResponse<String> forged = send(request("/images").header("Authorization", "Bearer " + token + "x").GET());

        assertGatewayError(missing, 401, "{\"message\":\"Unauthorized\"}");
        assertGatewayError(forged, 401, "{\"message\":\"Unauthorized\"}");
        assertThat(missing.headers().firstValue("www-authenticate")).hasValue("Bearer");
        assertThat(forged.headers().firstValue("www-authenticate")).hasValue("Bearer scope=\"\" error=\"invalid_token\""
                + " error_description=\"the token does not have a valid signature\"");
        assertThat(invocations).isEmpty();
    }

    @Test
    void shouldAnswer413_whenTheBodyExceedsTenMegabytes() throws Exception {
        byte[] body = new byte[HttpApiGateway.MAX_BODY_BYTES + 1];

        HttpResponse<String> response = send(request("/images").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertGatewayError(response, 413, "{\"message\":\"Request Entity Too Large\"}");
        assertThat(invocations).isEmpty();
    }

    @Test
    void shouldAnswer429_whenARoutesBurstIsSpent_andServeItAgainOnceTheRateRefillsIt() throws Exception {
        for (int i = 0; i < BURST; i++) {
            assertThat(send(request("/jobs").header("Authorization", "Bearer " + token).GET()).statusCode())
                    .as("request %d of the burst", i + 1).isEqualTo(201);
        }
        HttpResponse<String> throttled = send(request("/jobs").header("Authorization", "Bearer " + token).GET());
        HttpResponse<String> otherRoute = send(request("/images").header("Authorization", "Bearer " + token).GET());
        throttleClock.advance(Duration.ofSeconds(1));
        HttpResponse<String> refilled = send(request("/jobs").header("Authorization", "Bearer " + token).GET());

        assertGatewayError(throttled, 429, "{\"message\":\"Too Many Requests\"}");
        assertThat(otherRoute.statusCode()).as("each route has its own bucket").isEqualTo(201);
        assertThat(refilled.statusCode()).isEqualTo(201);
        assertThat(invocations).hasSize(BURST + 2);
    }

    @Test
    void shouldAnswer431_notDropTheConnection_whenTheHeadersAreOverApiGatewaysQuota() throws Exception {
        HttpResponse<String> oneMegabyte = send(request("/jobs").header("Authorization", "Bearer " + token)
                .header("X-Big", "a".repeat(1024 * 1024)).GET());
        HttpRequest.Builder manyHeaders = request("/jobs").header("Authorization", "Bearer " + token);
        for (int i = 0; i < 300; i++) {
            manyHeaders.header("X-Header-" + i, "v".repeat(40));
        }
        HttpResponse<String> tooMany = send(manyHeaders.GET());

        assertGatewayError(oneMegabyte, 431, "{\"message\":\"Request Header Fields Too Large\"}");
        assertGatewayError(tooMany, 431, "{\"message\":\"Request Header Fields Too Large\"}");
        assertThat(invocations).isEmpty();
    }

    @Test
    void shouldPassTwoHundredSmallHeadersToTheFunction_whenTheyFitTheQuota() throws Exception {
        HttpRequest.Builder manyHeaders = request("/jobs").header("Authorization", "Bearer " + token);
        for (int i = 0; i < 200; i++) {
            manyHeaders.header("X-Header-" + i, "v".repeat(20));
        }

        HttpResponse<String> response = send(manyHeaders.GET());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(invocations).hasSize(1);
        assertThat(invocations.getFirst().path("event").path("headers").path("x-header-199").asText())
                .isEqualTo("v".repeat(20));
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
    void shouldAnswer503_whenTheFunctionTimesOut_and500_whenItFailsDoesNotStartOrAnswersGarbage() throws Exception {
        nextResult = new InvocationResult("r1", InvocationResult.Status.TIMED_OUT, new byte[0], "Task timed out",
                Duration.ofSeconds(29));
        HttpResponse<String> timedOut = send(request("/jobs").header("Authorization", "Bearer " + token).GET());
        nextResult = new InvocationResult("r2", InvocationResult.Status.FUNCTION_ERROR, new byte[0],
                "java.lang.IllegalStateException: boom", Duration.ofMillis(3));
        HttpResponse<String> failed = send(request("/jobs").header("Authorization", "Bearer " + token).GET());
        nextResult = new InvocationResult("r3", InvocationResult.Status.INIT_FAILED, new byte[0],
                "BeanInstantiationException: boom", Duration.ofMillis(3));
        HttpResponse<String> notStarted = send(request("/jobs").header("Authorization", "Bearer " + token).GET());
        nextResult = ok("not JSON {");
        HttpResponse<String> garbage = send(request("/jobs").header("Authorization", "Bearer " + token).GET());

        assertGatewayError(timedOut, 503, "{\"message\":\"Service Unavailable\"}");
        assertGatewayError(failed, 500, "{\"message\":\"Internal Server Error\"}");
        assertGatewayError(notStarted, 500, "{\"message\":\"Internal Server Error\"}");
        assertGatewayError(garbage, 500, "{\"message\":\"Internal Server Error\"}");
        assertThat(logged).containsExactly(503, 500, 500, 500);
    }

    @Test
    void shouldServeTheJwks_withoutAToken() throws Exception {
        HttpResponse<String> response = send(request(HttpApiGateway.JWKS_PATH).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
    }

    /** Exactly what API Gateway sends for an error it makes itself: status, JSON type, body, request id. */
    private static void assertGatewayError(HttpResponse<String> response, int status, String body) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("apigw-requestid")).hasValueSatisfying(id ->
                assertThat(id).matches("[A-Za-z0-9+/]{14}="));
        assertThat(response.headers().firstValue("X-Correlation-Id")).as("only functions add it").isEmpty();
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
