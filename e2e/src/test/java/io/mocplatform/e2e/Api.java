package io.mocplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A client of the two APIs as one user (or none): JSON over HTTP, and the presigned requests they hand out. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private final URI base;
    private final String token;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    static Api as(URI base, String token) {
        return new Api(base, token);
    }

    static Api anonymous(URI base) {
        return new Api(base, null);
    }

    Api header(String name, String value) {
        Api copy = new Api(base, token);
        copy.extraHeaders.putAll(extraHeaders);
        copy.extraHeaders.put(name, value);
        return copy;
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body))));
    }

    Answer postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer patch(String path, Object mergePatch) {
        return send(request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(json(mergePatch))));
    }

    /** Uploads {@code bytes} as the API's {@code upload} object says: method, URL and exactly its headers. */
    static Answer upload(JsonNode upload, byte[] bytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.path("url").asText())).timeout(TIMEOUT)
                .method(upload.path("method").asText("PUT"), HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.path("headers").properties().forEach(h -> {
            // The client sets these itself (and refuses to be told).
            if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                request.header(h.getKey(), h.getValue().asText());
            }
        });
        return send(request);
    }

    /** A presigned download: no token. */
    static Answer download(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("X-Correlation-Id", "e2e-" + UUID.randomUUID());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        extraHeaders.forEach(request::header);
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<byte[]> response = HTTP.send(built, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(built.method() + " " + built.uri().getPath(), response.statusCode(), response.headers(),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One answer.
     *
     * @param request what was asked, for assertion messages
     * @param status  HTTP status
     * @param headers response headers
     * @param body    body bytes
     */
    record Answer(String request, int status, HttpHeaders headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(request + " answered " + status + " with a body that is not JSON: "
                        + text());
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** For assertion messages: what came back. */
        String describe() {
            String text = text();
            return request + " -> " + status + " " + (text.length() > 400 ? text.substring(0, 400) + "..." : text);
        }
    }
}
