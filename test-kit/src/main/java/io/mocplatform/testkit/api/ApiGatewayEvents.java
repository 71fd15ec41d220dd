package io.mocplatform.testkit.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.json.JsonMapper;
import io.mocplatform.function.lambda.LocalLambdaContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Calls an API function's real handler with API Gateway HTTP API (payload 2.0) events shaped as the stage with its
 * JWT authorizer sends them (built from {@code http-api-request.json} next to this class), and reads the answers.
 * Module fixtures in {@code src/test/resources/events/} load with {@link #fixture}.
 *
 * <pre>
 * ApiGatewayEvents api = new ApiGatewayEvents(handler, "job-api");
 * ApiGatewayEvents.Response created = api.as("user-alice").post("/process-drawing", "{...}");
 * </pre>
 */
public final class ApiGatewayEvents {

    private static final String TEMPLATE = "http-api-request.json";
    private static final AtomicLong REQUESTS = new AtomicLong();

    private final APIGatewayV2HTTPEventFunction handler;
    private final String functionName;
    private final JsonMapper json;
    private final String template;

    /** {@code functionName} names the Lambda context the handler sees. */
    public ApiGatewayEvents(APIGatewayV2HTTPEventFunction handler, String functionName) {
        this.handler = handler;
        this.functionName = functionName;
        this.json = handler.getApplicationContext().getBean(JsonMapper.class);
        try (InputStream in = ApiGatewayEvents.class.getResourceAsStream(TEMPLATE)) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request as the user with JWT subject {@code sub} ({@code null}: no verified identity, no claims). */
    public Request as(String sub) {
        return new Request(sub);
    }

    /** Sends an event through the handler, with a Lambda context that has a real 30 s deadline. */
    public Response send(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event,
                LocalLambdaContext.of(functionName, Duration.ofSeconds(30)));
        return new Response(event.getRequestContext().getHttp().getMethod(), event.getRawPath(), response);
    }

    /** An event fixture of the module under test, from {@code src/test/resources/events/}. */
    public APIGatewayV2HTTPEvent fixture(String name) {
        try (InputStream in = ApiGatewayEvents.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /events/" + name);
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

    /** Parses a JSON object, e.g. an answer's body or a queued message. */
    public Map<String, Object> parse(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** One request being built. */
    public final class Request {
        private final String sub;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private boolean contentType = true;

        private Request(String sub) {
            this.sub = sub;
        }

        public Request header(String name, String value) {
            headers.put(name.toLowerCase(Locale.ROOT), value);
            return this;
        }

        /** Adds a query parameter (encoded here); {@code null} adds nothing. */
        public Request query(String name, Object value) {
            if (value != null) {
                query.put(name, value.toString());
            }
            return this;
        }

        /** Sends a body without any {@code Content-Type}. */
        public Request withoutContentType() {
            contentType = false;
            return this;
        }

        /** {@code pathAndQuery} may carry a raw query string ({@code /jobs?limit=2}). */
        public Response get(String pathAndQuery) {
            return send(event("GET", pathAndQuery, null));
        }

        public Response delete(String path) {
            return send(event("DELETE", path, null));
        }

        public Response post(String path) {
            return send(event("POST", path, null));
        }

        /** A JSON body: a string as it is, anything else serialized. */
        public Response post(String path, Object body) {
            return send(event("POST", path, body == null ? null : body instanceof String text ? text : toJson(body),
                    "application/json"));
        }

        public Response patch(String path, String body) {
            return send(event("PATCH", path, body, "application/merge-patch+json"));
        }

        public APIGatewayV2HTTPEvent event(String method, String pathAndQuery, String body) {
            return event(method, pathAndQuery, body, null);
        }

        private APIGatewayV2HTTPEvent event(String method, String pathAndQuery, String body, String bodyType) {
            APIGatewayV2HTTPEvent event;
            try {
                event = json.readValue(template, APIGatewayV2HTTPEvent.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int question = pathAndQuery.indexOf('?');
            String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
            String rawQuery = question < 0 ? "" : pathAndQuery.substring(question + 1);
            String added = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            rawQuery = rawQuery.isEmpty() ? added : added.isEmpty() ? rawQuery : rawQuery + "&" + added;
            event.setRawPath(path);
            event.setRawQueryString(rawQuery);
            if (!rawQuery.isEmpty()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    // As API Gateway does: a repeated parameter becomes one comma-separated value.
                    parameters.merge(decode(eq < 0 ? pair : pair.substring(0, eq)),
                            eq < 0 ? "" : decode(pair.substring(eq + 1)), (first, next) -> first + "," + next);
                }
                event.setQueryStringParameters(parameters);
            }
            Map<String, String> allHeaders = new HashMap<>(event.getHeaders());
            if (body != null && bodyType != null && contentType) {
                allHeaders.put("content-type", bodyType);
            }
            allHeaders.putAll(headers);
            event.setHeaders(allHeaders);
            event.setBody(body);
            var context = event.getRequestContext();
            context.getHttp().setMethod(method);
            context.getHttp().setPath(path);
            context.setRequestId("gw-request-" + REQUESTS.incrementAndGet());
            context.setTimeEpoch(System.currentTimeMillis());
            if (sub == null) {
                context.setAuthorizer(null);
            } else {
                context.getAuthorizer().getJwt().setClaims(new HashMap<>(Map.of("sub", sub)));
            }
            return event;
        }
    }

    /** A handler's answer, with case-insensitive headers and the body parsed when it is JSON. */
    public final class Response {
        private final String method;
        private final String path;
        private final APIGatewayV2HTTPResponse raw;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Response(String method, String path, APIGatewayV2HTTPResponse raw) {
            this.method = method;
            this.path = path;
            this.raw = raw;
            if (raw.getHeaders() != null) {
                headers.putAll(raw.getHeaders());
            }
            if (raw.getMultiValueHeaders() != null) {
                raw.getMultiValueHeaders().forEach((name, values) -> headers.putIfAbsent(name,
                        String.join(",", values)));
            }
        }

        public String method() {
            return method;
        }

        public String path() {
            return path;
        }

        public int status() {
            return raw.getStatusCode();
        }

        /** A header's value (several values joined with commas), or {@code null}. */
        public String header(String name) {
            return headers.get(name);
        }

        public Map<String, String> headers() {
            return headers;
        }

        public String body() {
            return raw.getBody();
        }

        public APIGatewayV2HTTPResponse raw() {
            return raw;
        }

        public Map<String, Object> json() {
            return parse(raw.getBody());
        }

        /** A top-level field of the JSON body, as text ({@code null} when absent). */
        public String field(String name) {
            Object value = json().get(name);
            return value == null ? null : value.toString();
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + raw.getStatusCode() + " " + headers + " " + raw.getBody();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
