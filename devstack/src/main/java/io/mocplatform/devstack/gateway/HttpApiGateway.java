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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the HTTP API in front of the two API functions: loopback only, the contract's routes,
 * {@code $default} stage throttling, the JWT authorizer on every route, payload 2.0 events, request ids, API
 * Gateway's size quotas, and the identity provider's JWKS at {@code /.well-known/jwks.json}. The errors it makes
 * itself ({@link GatewayError}) have API Gateway's status, headers and {@code {"message":...}} bodies, so a client
 * written against the devstack meets the same answers in AWS.
 */
public final class HttpApiGateway implements AutoCloseable {

    /** API Gateway's payload quota for HTTP APIs. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** The most an oversized body is read to let its sender get the answer. */
    private static final long DISCARD_LIMIT_BYTES = 8L * MAX_BODY_BYTES;
    /** API Gateway's quota on the total combined size of the request line and header values (HTTP APIs). */
    public static final int MAX_REQUEST_LINE_AND_HEADER_VALUES_BYTES = 10_240;
    /**
     * What the JDK's HTTP server is told to accept, far above API Gateway's quotas, so that an oversized request
     * reaches {@link #MAX_REQUEST_LINE_AND_HEADER_VALUES_BYTES} and gets an answer: the server's own defaults (200
     * headers, 384 KiB) drop the connection without one. Beyond these the connection is still dropped.
     */
    static final int SERVER_MAX_HEADERS = 10_000;
    static final int SERVER_MAX_HEADER_BYTES = 4 * 1024 * 1024;
    /** How long a stop waits for requests already being answered (a function call included). */
    static final int STOP_GRACE_SECONDS = 2;
    static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        raiseServerLimits();
    }

    /** Runs the function behind a route. */
    @FunctionalInterface
    public interface Invoker {
        InvocationResult invoke(String function, byte[] event);
    }

    /** Told about every request just before it is answered. */
    @FunctionalInterface
    public interface AccessLog {
        void request(String method, String path, int status, Duration duration, String requestId, String detail);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable routes;
    private final RouteThrottle throttle;
    private final JwtAuthorizer authorizer;
    private final SigningKeys keys;
    private final Invoker invoker;
    private final AccessLog accessLog;
    private final Clock clock;

    private HttpApiGateway(HttpServer server, ExecutorService executor, RouteTable routes, RouteThrottle throttle,
                           JwtAuthorizer authorizer, SigningKeys keys, Invoker invoker, AccessLog accessLog,
                           Clock clock) {
        this.server = server;
        this.executor = executor;
        this.routes = routes;
        this.throttle = throttle;
        this.authorizer = authorizer;
        this.keys = keys;
        this.invoker = invoker;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /**
     * Sets the JDK HTTP server's header limits ({@link #SERVER_MAX_HEADERS}, {@link #SERVER_MAX_HEADER_BYTES}) unless
     * already set. The JDK reads them once, when its first server in the JVM starts: call this before anything
     * else starts one (the emulators' stand-ins do).
     */
    public static void raiseServerLimits() {
        setIfAbsent("sun.net.httpserver.maxReqHeaders", SERVER_MAX_HEADERS);
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", SERVER_MAX_HEADER_BYTES);
    }

    /** Binds {@code port} on the loopback interface (0: a free one) and starts serving. */
    public static HttpApiGateway start(int port, RouteTable routes, RouteThrottle throttle, JwtAuthorizer authorizer,
                                       SigningKeys keys, Invoker invoker, AccessLog accessLog, Clock clock)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        HttpApiGateway gateway = new HttpApiGateway(server, executor, routes, Objects.requireNonNull(throttle),
                authorizer, keys, Objects.requireNonNull(invoker), Objects.requireNonNull(accessLog), clock);
        server.createContext("/", gateway::handle);
        server.start();
        return gateway;
    }

    /** Base URL of the API, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Stops accepting connections at once, lets requests being answered finish for up to
     * {@link #STOP_GRACE_SECONDS}, then closes every connection. A function call still running is not interrupted
     * (Lambda would not interrupt it either); its answer has nowhere to go.
     */
    @Override
    public void close() {
        server.stop(STOP_GRACE_SECONDS);
        executor.shutdown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long begin = System.nanoTime();
        Instant receivedAt = clock.instant();
        String requestId = newRequestId();
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        Answer answer;
        try {
            answer = answer(exchange, method, uri, requestId, receivedAt);
        } catch (RuntimeException e) {
            answer = Answer.error(GatewayError.INTERNAL_SERVER_ERROR, "the local gateway failed: " + e);
        }
        discardUnread(exchange);
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

    private Answer answer(HttpExchange exchange, String method, URI uri, String requestId, Instant receivedAt)
            throws IOException {
        String rawPath = uri.getRawPath();
        int headerBytes = requestLineAndHeaderValueBytes(exchange);
        if (headerBytes > MAX_REQUEST_LINE_AND_HEADER_VALUES_BYTES) {
            return Answer.error(GatewayError.REQUEST_HEADER_FIELDS_TOO_LARGE, "request line and header values are "
                    + headerBytes + " bytes, over " + MAX_REQUEST_LINE_AND_HEADER_VALUES_BYTES);
        }
        if ("GET".equals(method) && JWKS_PATH.equals(rawPath)) {
            return new Answer(200, Map.of("Content-Type", List.of("application/json")),
                    keys.publicKeys().toString().getBytes(StandardCharsets.UTF_8), null);
        }
        Optional<RouteTable.Match> match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            return Answer.error(GatewayError.NOT_FOUND, "no route for " + method + " " + rawPath);
        }
        String routeKey = match.get().route().method() + " " + match.get().route().path();
        if (!throttle.tryAcquire(routeKey)) {
            return Answer.error(GatewayError.TOO_MANY_REQUESTS, routeKey + " over its burst of "
                    + throttle.limits().burstLimit() + " at " + throttle.limits().rateLimit() + " requests/s");
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parseLong(length) > MAX_BODY_BYTES) {
            return Answer.error(GatewayError.REQUEST_ENTITY_TOO_LARGE, "Content-Length " + length.strip()
                    + " is over " + MAX_BODY_BYTES + " bytes");
        }
        byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
        if (body == null) {
            return Answer.error(GatewayError.REQUEST_ENTITY_TOO_LARGE, "body over " + MAX_BODY_BYTES + " bytes");
        }
        JwtAuthorizer.Result authorization =
                authorizer.authorize(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!authorization.allowed()) {
            return Answer.error(GatewayError.UNAUTHORIZED, authorization.reason())
                    .withHeader("www-authenticate", authorization.wwwAuthenticate());
        }
        HttpApiEvents.Request request = new HttpApiEvents.Request(method, rawPath, uri.getRawQuery(),
                exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol());
        String host = Optional.ofNullable(request.header("host")).orElse(baseUrl().getAuthority());
        byte[] event = JSON.writeValueAsBytes(HttpApiEvents.event(request, match.get(), authorization, requestId,
                receivedAt, host));
        String function = match.get().route().function();
        InvocationResult result = invoker.invoke(function, event);
        return switch (result.status()) {
            case OK -> {
                HttpApiEvents.Response response;
                try {
                    response = HttpApiEvents.response(result.payload());
                } catch (IOException e) {
                    yield Answer.error(GatewayError.INTERNAL_SERVER_ERROR,
                            function + " answered something that is not a payload 2.0 response");
                }
                yield new Answer(response.status(), response.headers(), response.body(), null);
            }
            case TIMED_OUT -> Answer.error(GatewayError.SERVICE_UNAVAILABLE, function + ": " + result.error());
            case INIT_FAILED -> Answer.error(GatewayError.INTERNAL_SERVER_ERROR,
                    function + " is not running: " + result.error());
            case FUNCTION_ERROR -> Answer.error(GatewayError.INTERNAL_SERVER_ERROR,
                    function + " failed; see the devstack log for request " + result.requestId());
        };
    }

    /** What API Gateway's quota counts: the request line and every header value, in bytes. */
    private static int requestLineAndHeaderValueBytes(HttpExchange exchange) {
        long total = (exchange.getRequestMethod() + " " + exchange.getRequestURI().toString() + " "
                + exchange.getProtocol()).getBytes(StandardCharsets.UTF_8).length;
        for (List<String> values : exchange.getRequestHeaders().values()) {
            for (String value : values) {
                total += value.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /**
     * Reads and drops what is left of the request body (all of it when the answer came from the headers alone, as
     * a 413 for its Content-Length). A client still sending when the server closes the connection sees a reset
     * instead of the answer; past {@link #DISCARD_LIMIT_BYTES} the connection is closed anyway.
     */
    private static void discardUnread(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            long left = DISCARD_LIMIT_BYTES;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0 && in.read() < 0) {
                    return;
                }
                left -= Math.max(skipped, 1);
            }
        } catch (IOException alreadyReadOrGone) {
            // A body read in full is closed already; a sender that hung up gets no answer either way.
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

    private static void setIfAbsent(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    /** API Gateway's request ids look like {@code JfZ7sgb0LPEEMpw=}. */
    private static String newRequestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).substring(0, 14) + "=";
    }

    private record Answer(int status, Map<String, List<String>> headers, byte[] body, String detail) {

        static Answer error(GatewayError error, String detail) {
            return new Answer(error.status(), Map.of("Content-Type", List.of(GatewayError.CONTENT_TYPE)),
                    error.body(), detail);
        }

        Answer withHeader(String name, String value) {
            Map<String, List<String>> more = new LinkedHashMap<>(headers);
            more.put(name, List.of(value));
            return new Answer(status, more, body, detail);
        }
    }
}
