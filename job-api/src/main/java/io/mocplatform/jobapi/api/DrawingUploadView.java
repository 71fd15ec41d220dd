package io.mocplatform.jobapi.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.mocplatform.jobapi.domain.DrawingUpload;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/** The answer to {@code POST /drawings}: the drawing's id and how to upload its bytes. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record DrawingUploadView(String drawingId, Upload upload) {

    /** A presigned request: send it as it is, with exactly these headers, before {@code expires_at}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Upload(String method, URI url, Map<String, String> headers, String expiresAt) {
    }

    static DrawingUploadView of(DrawingUpload upload) {
        var presigned = upload.upload();
        return new DrawingUploadView(upload.drawingId(), new Upload(presigned.method(), presigned.url(),
                new TreeMap<>(presigned.headers()), Wire.instant(presigned.expiresAt())));
    }
}
