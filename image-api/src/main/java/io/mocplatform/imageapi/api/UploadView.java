package io.mocplatform.imageapi.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.mocplatform.imageapi.domain.port.UploadTicket;

import java.util.Map;

/** How to send the bytes: {@code method} to {@code url} with exactly {@code headers}, before {@code expires_at}. */
@Serdeable(naming = SnakeCaseStrategy.class)
record UploadView(String method, String url, Map<String, String> headers, String expiresAt) {

    static UploadView of(UploadTicket ticket) {
        return new UploadView(ticket.method(), ticket.url(), ticket.headers(), ticket.expiresAt().toString());
    }
}
