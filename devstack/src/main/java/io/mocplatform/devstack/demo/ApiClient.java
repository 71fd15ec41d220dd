package io.mocplatform.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** What an API client does: JSON requests with a bearer token, and plain requests to presigned URLs. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(35);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * An answer.
     *
     * @param status  HTTP status
     * @param headers response headers
     * @param body    body bytes
     */
    record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text());
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /**
         * What an error answer says, in either of its two shapes: API Gateway's own errors are
         * {@code {"message":"Unauthorized"}} ({@code application/json}), the functions' are problem+json.
         */
        String error() {
            JsonNode node;
            try {
                node = JSON.readTree(body);
            } catch (IOException e) {
                return text();
            }
            if (node != null && node.has("message") && node.size() == 1) {
                return "gateway: " + node.path("message").asText();
            }
            if (node != null && node.has("title")) {
                return "problem: " + node.path("title").asText() + " (" + node.path("detail").asText("") + ")";
            }
            return text();
        }
    }

    Answer get(String path) {
        return send(authorized(path).GET().build());
    }

    Answer getWithoutToken(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build());
    }

    Answer post(String path, Map<String, ?> body) {
        return send(authorized(path).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body))).build());
    }

    /** A request to a presigned URL: no token, the signed headers as given. */
    Answer presigned(String method, String url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        return send(request.build());
    }

    /** A presigned POST form upload: the signed fields, then the file. */
    Answer presignedForm(String url, Map<String, String> fields, String contentType, byte[] file) {
        String boundary = "devstack" + UUID.randomUUID().toString().replace("-", "");
        var out = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload\""
                + "\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
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
}
