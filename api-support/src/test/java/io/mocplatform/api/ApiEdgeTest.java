package io.mocplatform.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.mocplatform.function.lambda.LocalLambdaContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP edge both APIs share, driven through the real API Gateway v2 handler. */
class ApiEdgeTest {

    private static ApplicationContext context;
    private static APIGatewayV2HTTPEventFunction handler;

    @Serdeable
    record Greeting(String name) {
    }

    @Serdeable
    record Sized(Long sizeBytes) {
    }

    @Requires(property = "spec.name", value = "ApiEdgeTest")
    @Controller
    static class EdgeController {
        @Get("/whoami")
        Map<String, String> whoami(Caller caller) {
            return Map.of("sub", caller.sub());
        }

        @Get("/boom")
        String boom() {
            throw new IllegalStateException("database password is hunter2");
        }

        @Get("/taken")
        String taken() {
            throw ProblemException.conflict("job_exists", "A job with this key exists already.");
        }

        @Post("/greetings")
        Greeting greet(@Body Greeting greeting) {
            return greeting;
        }

        @Post("/sized")
        Sized sized(@Body Sized sized) {
            return sized;
        }
    }

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder()
                .properties(Map.of("spec.name", "ApiEdgeTest", "tracing.enabled", "false",
                        "micronaut.application.name", "edge-test",
                        // Required at start; nothing here lists, so SSM is never asked.
                        "api.cursor.secret-parameter", "/test/cursor-signing-key"))
                .start();
        handler = new APIGatewayV2HTTPEventFunction(context);
    }

    @AfterAll
    static void stop() {
        handler.close();
    }

    static APIGatewayV2HTTPEvent request(String method, String path, String sub, String body,
                                          Map<String, String> headers) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build();
        var requestContext = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http)
                .withRequestId("gw-req-1").withStage("$default").withRouteKey(method + " " + path);
        if (sub != null) {
            requestContext.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(Map.of("sub", sub)).build()).build());
        }
        Map<String, String> allHeaders = new HashMap<>(headers);
        if (body != null) {
            allHeaders.putIfAbsent("content-type", "application/json");
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + path)
                .withRawPath(path).withRawQueryString("").withHeaders(allHeaders).withBody(body)
                .withIsBase64Encoded(false).withRequestContext(requestContext.build()).build();
    }

    static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, LocalLambdaContext.of("edge-test", Duration.ofSeconds(10)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(APIGatewayV2HTTPResponse response) throws IOException {
        return ObjectMapper.getDefault().readValue(response.getBody(), Map.class);
    }

    @Test
    void shouldPassTheVerifiedSubToTheController() throws IOException {
        var response = call(request("GET", "/whoami", "alice", null, Map.of()));
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("sub", "alice");
        assertThat(response.getHeaders()).containsEntry("X-Correlation-Id", "gw-req-1");
    }

    @Test
    void shouldReturn401Problem_whenTheRequestHasNoClaims() throws IOException {
        var response = call(request("GET", "/whoami", null, null, Map.of()));
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(json(response)).containsEntry("type", "urn:moc-platform:problem:unauthorized")
                .containsEntry("status", 401).containsEntry("correlation_id", "gw-req-1");
    }

    @Test
    void shouldAdoptTheClientsCorrelationId_whenWellFormed() {
        var response = call(request("GET", "/whoami", "alice", null, Map.of("X-Correlation-Id", "trace-abc.1")));
        assertThat(response.getHeaders()).containsEntry("X-Correlation-Id", "trace-abc.1");
        var unsafe = call(request("GET", "/whoami", "alice", null, Map.of("X-Correlation-Id", "not allowed: <script>")));
        assertThat(unsafe.getHeaders()).containsEntry("X-Correlation-Id", "gw-req-1");
    }

    @Test
    void shouldRenderProblemExceptions() throws IOException {
        var response = call(request("GET", "/taken", "alice", null, Map.of()));
        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(json(response)).containsEntry("type", "urn:moc-platform:problem:job_exists")
                .containsEntry("detail", "A job with this key exists already.");
    }

    @Test
    void shouldHideExceptionMessages_whenTheServerFails() throws IOException {
        var response = call(request("GET", "/boom", "alice", null, Map.of()));
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(response.getBody()).doesNotContain("hunter2");
        assertThat(json(response)).containsEntry("type", "urn:moc-platform:problem:internal_error");
    }

    @Test
    void shouldReturn404Problem_whenNoRouteMatches() throws IOException {
        var response = call(request("GET", "/nowhere", "alice", null, Map.of()));
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(json(response)).containsEntry("type", "urn:moc-platform:problem:route_not_found");
    }

    @Test
    void shouldReturn400Problem_whenTheJsonIsMalformed() throws IOException {
        var response = call(request("POST", "/greetings", "alice", "{\"name\": ", Map.of()));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(json(response)).containsEntry("status", 400);
    }

    @Test
    void shouldReturn415Problem_whenTheContentTypeIsWrong() throws IOException {
        var response = call(request("POST", "/greetings", "alice", "name=x", Map.of("content-type", "text/plain")));
        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(json(response)).containsEntry("type", "urn:moc-platform:problem:unsupported_media_type");
    }

    @Test
    void shouldNameNoJavaClassOrPackage_whenMicronautCannotBindTheBody() throws IOException {
        var response = call(request("POST", "/sized", "alice", "{\"sizeBytes\": 9223372036854775808}", Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("type", "urn:moc-platform:problem:invalid_request")
                .containsEntry("detail", "The request could not be read: a parameter, header or the body does not have"
                        + " the documented form.")
                .doesNotContainKey("errors");
        assertThat(response.getBody()).doesNotContain("io.mocplatform", "java.", "Sized", "9223372036854775808");
    }
}
