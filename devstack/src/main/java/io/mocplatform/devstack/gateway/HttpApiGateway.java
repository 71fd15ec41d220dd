package io.mocplatform.devstack.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mocplatform.devstack.lambda.InvocationResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the HTTP API in front of the two API functions: loopback only, the contract's routes,
 * the JWT authorizer on every route, payload 2.0 events, request ids, a 10 MB body limit, and the identity
 * provider's JWKS at {@code /.well-known/jwks.json}. It answers 404, 401 and 413 itself, before any function runs.
 */
public final class HttpApiGateway implements AutoCloseable {

    /** API Gateway's payload limit for HTTP APIs. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Runs the function behind a route. */
    @FunctionalInterface
    public interface Invoker {
        InvocationResult invoke(String function, byte[] event);
    }

    /** Told about every request once it is answered. */
    @FunctionalInterface
    public interface AccessLog {
        void request(String method, String path, int status, Duration duration, String requestId, String detail);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final JwtAuthorizer authorizer;
    private final SigningKeys keys;
    private final Invoker invoker;
    private final AccessLog accessLog;
    private final Clock clock;

    private HttpApiGateway(HttpServer server, ExecutorService executor, RouteTable routes, JwtAuthorizer authorizer,
                           SigningKeys keys, Invoker invoker, AccessLog accessLog, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.authorizer = authorizer;
        this.keys = keys;
        this.invoker = invoker;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Binds {@code port} on the loopback interface (0: a free one) and starts serving. */
    public static HttpApiGateway start(int port, RouteTable routes, JwtAuthorizer authorizer, SigningKeys keys,
                                       Invoker invoker, AccessLog accessLog, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        HttpApiGateway gateway = new HttpApiGateway(server, executor, routes, authorizer, keys,
                Objects.requireNonNull(invoker), Objects.requireNonNull(accessLog), clock);
        server.createContext("/", gateway::handle);
        server.start();
        return gateway;
    }

    /** Base URL of the API, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long begin = System.nanoTime();
        Instant receivedAt = clock.instant();
        String requestId = newRequestId();
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        String correlationId = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Correlation-Id"))
                .filter(s -> !s.isBlank()).orElse(requestId);
        Answer answer;
        try {
            answer = answer(exchange, method, rawPath, uri.getRawQuery(), requestId, correlationId, receivedAt);
        } catch (RuntimeException e) {
            answer = Answer.problem(500, "internal", "Internal Server Error", "the local gateway failed: " + e,
                    correlationId);
        }
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        answer.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
        boolean noBody = answer.body().length == 0 || "HEAD".equals(method) || answer.status() == 204
                || answer.status() == 304;
        // Logged before the first byte goes out, so whoever has the response can rely on its log line
        // (the duration is the gateway's latency up to the response, as API Gateway's responseLatency).
        accessLog.request(method, rawPath, answer.status(), Duration.ofNanos(System.nanoTime() - begin), requestId,
                answer.detail());
        exchange.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
        exchange.close();
    }

    private Answer answer(HttpExchange exchange, String method, String rawPath, String rawQuery, String requestId,
                          String correlationId, Instant receivedAt) throws IOException {
        if ("GET".equals(method) && JWKS_PATH.equals(rawPath)) {
            return new Answer(200, Map.of("Content-Type", List.of("application/json")),
                    keys.publicKeys().toString().getBytes(StandardCharsets.UTF_8), null);
        }
        Optional<RouteTable.Match> match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            drain(exchange);
            return Answer.problem(404, "not_found", "Not Found", "no route for " + method + " " + rawPath,
                    correlationId);
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parseLong(length) > MAX_BODY_BYTES) {
            return Answer.problem(413, "payload_too_large", "Payload Too Large",
                    "request bodies are limited to " + MAX_BODY_BYTES + " bytes", correlationId);
        }
        byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
        if (body == null) {
            return Answer.problem(413, "payload_too_large", "Payload Too Large",
                    "request bodies are limited to " + MAX_BODY_BYTES + " bytes", correlationId);
        }
        JwtAuthorizer.Result authorization =
                authorizer.authorize(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!authorization.allowed()) {
            Answer denied = Answer.problem(401, "unauthorized", "Unauthorized", authorization.reason(),
                    correlationId);
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>(denied.headers());
            headers.put("WWW-Authenticate", List.of("Bearer"));
            return new Answer(401, headers, denied.body(), authorization.reason());
        }
        HttpApiEvents.Request request = new HttpApiEvents.Request(method, rawPath, rawQuery,
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol());
        String host = Optional.ofNullable(request.header("host")).orElse(baseUrl().getAuthority());
        byte[] event = JSON.writeValueAsBytes(HttpApiEvents.event(request, match.get(), authorization, requestId,
                receivedAt, host));
        InvocationResult result = invoker.invoke(match.get().route().function(), event);
        return switch (result.status()) {
            case OK -> {
                HttpApiEvents.Response response;
                try {
                    response = HttpApiEvents.response(result.payload());
                } catch (IOException e) {
                    yield Answer.problem(502, "bad_gateway", "Bad Gateway",
                            "the function's response is not a payload 2.0 response", correlationId);
                }
                yield new Answer(response.status(), response.headers(), response.body(), null);
            }
            case TIMED_OUT -> Answer.problem(503, "service_unavailable", "Service Unavailable",
                    match.get().route().function() + ": " + result.error(), correlationId);
            case INIT_FAILED -> Answer.problem(502, "bad_gateway", "Bad Gateway",
                    match.get().route().function() + " is not running: " + result.error(), correlationId);
            case FUNCTION_ERROR -> Answer.problem(500, "internal", "Internal Server Error",
                    match.get().route().function() + " failed; see the devstack log for request "
                            + result.requestId(), correlationId);
        };
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.skip(MAX_BODY_BYTES);
        }
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** API Gateway's request ids look like {@code JfZ7sgb0LPEEMpw=}. */
    private static String newRequestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).substring(0, 14) + "=";
    }

    private record Answer(int status, Map<String, List<String>> headers, byte[] body, String detail) {

        static Answer problem(int status, String slug, String title, String detail, String correlationId) {
            return new Answer(status, Map.of("Content-Type", List.of(Problems.CONTENT_TYPE),
                    "X-Correlation-Id", List.of(correlationId)),
                    Problems.body(status, slug, title, detail, correlationId), detail);
        }
    }
}
