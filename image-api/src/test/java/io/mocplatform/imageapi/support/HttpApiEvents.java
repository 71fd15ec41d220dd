package io.mocplatform.imageapi.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.mocplatform.function.lambda.LocalLambdaContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * API Gateway HTTP API (payload 2.0) events as the JWT authorizer delivers them, sent through the real handler.
 * Builds events in code for the many variations, and loads the fixtures in {@code src/test/resources/events/}.
 */
public final class HttpApiEvents {

    private static final AtomicLong REQUESTS = new AtomicLong();

    private final APIGatewayV2HTTPEventFunction handler;
    private final JsonMapper json;

    public HttpApiEvents(APIGatewayV2HTTPEventFunction handler) {
        this.handler = handler;
        this.json = handler.getApplicationContext().getBean(JsonMapper.class);
    }

    /** A request builder for the given user ({@code null}: no verified identity). */
    public Request as(String sub) {
        return new Request(sub);
    }

    /** Sends an event through the handler with a Lambda context that has a real deadline. */
    public Response send(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event,
                LocalLambdaContext.of("image-api", Duration.ofSeconds(30)));
        return new Response(response, json);
    }

    /** An event fixture from {@code src/test/resources/events/}. */
    public APIGatewayV2HTTPEvent fixture(String name) {
        try (InputStream in = HttpApiEvents.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return json.readValue(in.readAllBytes(), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request being built. */
    public final class Request {
        private final String sub;
        private final Map<String, String> headers = new HashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();

        private Request(String sub) {
            this.sub = sub;
        }

        public Request header(String name, String value) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
            return this;
        }

        public Request query(String name, Object value) {
            if (value != null) {
                query.put(name, value.toString());
            }
            return this;
        }

        public Response get(String path) {
            return send(event("GET", path, null));
        }

        public Response delete(String path) {
            return send(event("DELETE", path, null));
        }

        public Response post(String path, Object body) {
            headers.putIfAbsent("content-type", "application/json");
            return send(event("POST", path, body == null ? null : body instanceof String s ? s : toJson(body)));
        }

        public Response post(String path) {
            return send(event("POST", path, null));
        }

        public Response patch(String path, String body) {
            headers.putIfAbsent("content-type", "application/merge-patch+json");
            return send(event("PATCH", path, body));
        }

        public APIGatewayV2HTTPEvent event(String method, String path, String body) {
            String requestId = "gw-" + REQUESTS.incrementAndGet();
            var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                    .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("image-api-it").build();
            var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId(requestId)
                    .withStage("$default").withRouteKey(method + " " + path).withAccountId("000000000000")
                    .withApiId("local").withDomainName("api.local").withTimeEpoch(System.currentTimeMillis());
            if (sub != null) {
                context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                .withClaims(Map.of("sub", sub)).withScopes(null).build()).build());
            }
            String rawQuery = query.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default")
                    .withRawPath(path).withRawQueryString(rawQuery)
                    .withQueryStringParameters(query.isEmpty() ? null : Map.copyOf(query))
                    .withHeaders(Map.copyOf(headers)).withBody(body).withIsBase64Encoded(false)
                    .withRequestContext(context.build()).build();
        }

        private String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    /** The handler's answer, with JSON access. */
    public record Response(APIGatewayV2HTTPResponse raw, JsonMapper mapper) {

        public int status() {
            return raw.getStatusCode();
        }

        public String header(String name) {
            if (raw.getHeaders() != null) {
                for (var e : raw.getHeaders().entrySet()) {
                    if (e.getKey().equalsIgnoreCase(name)) {
                        return e.getValue();
                    }
                }
            }
            if (raw.getMultiValueHeaders() != null) {
                for (var e : raw.getMultiValueHeaders().entrySet()) {
                    if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                        return e.getValue().get(0);
                    }
                }
            }
            return null;
        }

        public String body() {
            return raw.getBody();
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            try {
                return mapper.readValue(raw.getBody(), Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.getBody(), e);
            }
        }

        /** A top-level string field of the JSON body. */
        public String field(String name) {
            Object value = json().get(name);
            return value == null ? null : value.toString();
        }

        @Override
        public String toString() {
            return raw.getStatusCode() + " " + raw.getHeaders() + " " + raw.getBody();
        }
    }
}
