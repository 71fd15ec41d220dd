package io.mocplatform.jobapi.domain;

import io.mocplatform.jobapi.domain.port.PresignedUpload;

/**
 * A drawing id and the presigned request that uploads its bytes.
 *
 * @param drawingId the id to pass to {@code POST /process-drawing}
 * @param upload    how to send the bytes
 */
public record DrawingUpload(String drawingId, PresignedUpload upload) {
}
