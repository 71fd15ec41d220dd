package io.mocplatform.imageapi.domain.port;

import java.time.Instant;
import java.util.Map;

/**
 * How the client uploads the bytes: send {@code method} to {@code url} with exactly these headers before
 * {@code expiresAt}.
 *
 * @param method    HTTP method, {@code PUT}
 * @param url       the signed URL
 * @param headers   headers the signature covers and the client must send as given
 * @param expiresAt when the signature stops being accepted
 */
public record UploadTicket(String method, String url, Map<String, String> headers, Instant expiresAt) {

    public UploadTicket {
        headers = Map.copyOf(headers);
    }
}
