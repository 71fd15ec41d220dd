package io.mocplatform.devstack.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates between HTTP and the Lambda proxy integration of an HTTP API, payload format 2.0: the event a
 * function receives (route key, raw path and query, lower-cased headers with repeated values joined by commas,
 * cookies, path parameters, JWT claims, request id, base64 for binary bodies) and the response it returns.
 */
public final class HttpApiEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /**
     * A request as the HTTP front received it.
     *
     * @param method   HTTP method
     * @param rawPath  path as sent, still percent-encoded
     * @param rawQuery query string as sent, or empty
     * @param headers  header values by name as sent
     * @param body     request body bytes
     * @param sourceIp client address
     * @param protocol e.g. {@code HTTP/1.1}
     */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, String sourceIp, String protocol) {

        /** The first value of a header, compared without case, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /**
     * What the function answered, ready to be written back.
     *
     * @param status  HTTP status
     * @param headers header values by name
     * @param body    body bytes
     */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    }

    /** The payload 2.0 event for a routed, authorized request. */
    public static ObjectNode event(Request request, RouteTable.Match match, JwtAuthorizer.Result authorization,
                                   String requestId, Instant receivedAt, String domainName) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());

        Map<String, List<String>> lowerCased = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> lowerCased
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        List<String> cookies = lowerCased.remove("cookie");
        if (cookies != null && !cookies.isEmpty()) {
            ArrayNode cookieArray = event.putArray("cookies");
            cookies.stream().flatMap(c -> List.of(c.split(";")).stream()).map(String::strip)
                    .filter(c -> !c.isEmpty()).forEach(cookieArray::add);
        }
        ObjectNode headers = event.putObject("headers");
        lowerCased.forEach((name, values) -> headers.put(name, String.join(",", values)));

        Map<String, List<String>> query = parseQuery(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach((name, values) -> parameters.put(name, String.join(",", values)));
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            match.pathParameters().forEach(parameters::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "devstack");
        ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
        ObjectNode claims = jwt.putObject("claims");
        authorization.claims().forEach(claims::put);
        if (authorization.scopes() == null) {
            jwt.putNull("scopes");
        } else {
            ArrayNode scopes = jwt.putArray("scopes");
            authorization.scopes().forEach(scopes::add);
        }
        context.put("domainName", domainName);
        context.put("domainPrefix", domainName.split("[.:]", 2)[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("user-agent") == null ? "" : request.header("user-agent"));
        context.put("requestId", requestId);
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(receivedAt));
        context.put("timeEpoch", receivedAt.toEpochMilli());

        byte[] body = request.body();
        if (body != null && body.length > 0) {
            if (isText(request.header("content-type"))) {
                event.put("body", new String(body, StandardCharsets.UTF_8));
                event.put("isBase64Encoded", false);
            } else {
                event.put("body", Base64.getEncoder().encodeToString(body));
                event.put("isBase64Encoded", true);
            }
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /**
     * Reads a function's answer. A payload 2.0 response with {@code statusCode} is taken as it is; any other
     * JSON becomes a 200 with that JSON as the body, as API Gateway infers it.
     */
    public static Response response(byte[] payload) throws IOException {
        JsonNode node = payload.length == 0 ? JSON.nullNode() : JSON.readTree(payload);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (node == null || !node.isObject() || !node.has("statusCode")) {
            headers.put("Content-Type", List.of("application/json"));
            return new Response(200, headers, node == null || node.isNull() ? new byte[0]
                    : JSON.writeValueAsBytes(node));
        }
        node.path("headers").properties().forEach(e -> headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                .add(e.getValue().asText()));
        node.path("multiValueHeaders").properties().forEach(e -> {
            List<String> values = headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            e.getValue().forEach(v -> {
                if (!values.contains(v.asText())) {
                    values.add(v.asText());
                }
            });
        });
        node.path("cookies").forEach(cookie -> headers.computeIfAbsent("Set-Cookie", k -> new ArrayList<>())
                .add(cookie.asText()));
        JsonNode bodyNode = node.get("body");
        byte[] body = new byte[0];
        if (bodyNode != null && !bodyNode.isNull()) {
            body = node.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(bodyNode.asText())
                    : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        }
        return new Response(node.path("statusCode").asInt(200), headers, body);
    }

    /** Content types API Gateway passes as text; everything else is base64-encoded. */
    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded");
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
