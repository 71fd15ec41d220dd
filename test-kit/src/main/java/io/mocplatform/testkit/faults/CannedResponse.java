package io.mocplatform.testkit.faults;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP answer given instead of the emulator's.
 *
 * @param status  HTTP status
 * @param headers response headers
 * @param body    response body
 */
public record CannedResponse(int status, Map<String, String> headers, byte[] body) {

    public CannedResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as text, for logs and tests. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
