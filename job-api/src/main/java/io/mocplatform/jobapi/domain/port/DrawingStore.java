package io.mocplatform.jobapi.domain.port;

import java.net.URI;
import java.time.Duration;

/** The object store holding drawings and results. */
public interface DrawingStore {

    /** Whether an object exists under the key. */
    boolean exists(String key);

    /** A presigned upload of exactly {@code sizeBytes} bytes of {@code contentType} to {@code key}. */
    PresignedUpload presignUpload(String key, String contentType, long sizeBytes, Duration validity);

    /** A presigned download of {@code key}. */
    URI presignDownload(String key, Duration validity);
}
