package io.mocplatform.jobapi.domain.port;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A request the client sends as it is to upload bytes without credentials.
 *
 * @param method    HTTP method
 * @param url       where to send it
 * @param headers   headers the signature covers; the client must send exactly these
 * @param expiresAt when the signature stops being accepted
 */
public record PresignedUpload(String method, URI url, Map<String, String> headers, Instant expiresAt) {

    public PresignedUpload {
        headers = Map.copyOf(headers);
    }
}
