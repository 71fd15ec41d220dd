package io.mocplatform.jobapi.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.serde.ObjectMapper;
import io.mocplatform.function.lambda.LocalLambdaContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls the real handler with API Gateway v2 events built from the fixture {@code events/api-request.json}
 * (what the HTTP API with its JWT authorizer sends), and reads the answers.
 */
final class ApiCalls {

    private static final String TEMPLATE = "/events/api-request.json";
    private static final AtomicLong REQUESTS = new AtomicLong();

    private final APIGatewayV2HTTPEventFunction handler;
    private final ObjectMapper json;
    private final String template;

    ApiCalls(APIGatewayV2HTTPEventFunction handler, ObjectMapper json) {
        this.handler = handler;
        this.json = json;
        try (InputStream in = ApiCalls.class.getResourceAsStream(TEMPLATE)) {
            this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON object, e.g. a queued message body. */
    Map<String, Object> parse(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** A request as the given user ({@code null}: without JWT claims). */
    Request as(String sub) {
        return new Request(sub);
    }

    /** One request being built. */
    final class Request {
        private final String sub;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private boolean contentType = true;

        private Request(String sub) {
            this.sub = sub;
        }

        Request header(String name, String value) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
            return this;
        }

        /** Sends a body without any {@code Content-Type}. */
        Request withoutContentType() {
            contentType = false;
            return this;
        }

        Response get(String pathAndQuery) {
            return send("GET", pathAndQuery, null);
        }

        Response delete(String path) {
            return send("DELETE", path, null);
        }

        Response post(String path, String body) {
            if (body != null && contentType) {
                headers.putIfAbsent("content-type", "application/json");
            }
            return send("POST", path, body);
        }

        APIGatewayV2HTTPEvent event(String method, String pathAndQuery, String body) {
            APIGatewayV2HTTPEvent event;
            try {
                event = json.readValue(template, APIGatewayV2HTTPEvent.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int question = pathAndQuery.indexOf('?');
            String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
            String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
            event.setRawPath(path);
            event.setRawQueryString(query);
            if (!query.isEmpty()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    // As API Gateway does: a repeated parameter becomes one comma-separated value.
                    parameters.merge(decode(eq < 0 ? pair : pair.substring(0, eq)),
                            eq < 0 ? "" : decode(pair.substring(eq + 1)), (first, next) -> first + "," + next);
                }
                event.setQueryStringParameters(parameters);
            }
            Map<String, String> allHeaders = new HashMap<>(event.getHeaders());
            allHeaders.putAll(headers);
            event.setHeaders(allHeaders);
            event.setBody(body);
            var context = event.getRequestContext();
            context.getHttp().setMethod(method);
            context.getHttp().setPath(path);
            context.setRequestId("gw-request-" + REQUESTS.incrementAndGet());
            if (sub == null) {
                context.setAuthorizer(null);
            } else {
                context.getAuthorizer().getJwt().setClaims(new HashMap<>(Map.of("sub", sub)));
            }
            return event;
        }

        Response send(String method, String pathAndQuery, String body) {
            var event = event(method, pathAndQuery, body);
            return new Response(method, event.getRawPath(), handler.handleRequest(event,
                    LocalLambdaContext.of("job-api", Duration.ofSeconds(30))));
        }
    }

    /** A handler answer with case-insensitive headers and the body parsed when it is JSON. */
    final class Response {
        final String method;
        final String path;
        final int status;
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final String body;

        private Response(String method, String path, APIGatewayV2HTTPResponse response) {
            this.method = method;
            this.path = path;
            this.status = response.getStatusCode();
            if (response.getHeaders() != null) {
                headers.putAll(response.getHeaders());
            }
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders().forEach((name, values) -> headers.putIfAbsent(name,
                        String.join(",", values)));
            }
            this.body = response.getBody();
        }

        String header(String name) {
            return headers.get(name);
        }

        Map<String, Object> json() {
            return parse(body);
        }

        String string(String field) {
            return (String) json().get(field);
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + status + " " + headers + " " + body;
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
