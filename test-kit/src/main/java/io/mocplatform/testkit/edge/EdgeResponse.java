package io.mocplatform.testkit.edge;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the edge sends back: an emulator's answer streamed through, or one a filter wrote itself.
 *
 * @param status  HTTP status
 * @param headers response headers (hop-by-hop headers and the length are set by the edge)
 * @param length  body length, or -1 when unknown (sent chunked)
 * @param body    the body; empty for HEAD and 204
 */
public record EdgeResponse(int status, Map<String, List<String>> headers, long length, InputStream body) {

    public EdgeResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** A response written by a filter, e.g. an AWS error document. */
    public static EdgeResponse of(int status, String contentType, byte[] body) {
        return new EdgeResponse(status, Map.of("Content-Type", List.of(contentType)), body.length,
                new ByteArrayInputStream(body));
    }
}
