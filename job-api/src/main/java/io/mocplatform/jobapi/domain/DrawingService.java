package io.mocplatform.jobapi.domain;

import io.mocplatform.jobapi.domain.port.DrawingStore;
import io.mocplatform.model.IdGenerator;

/** Hands out presigned uploads for new drawings. */
public final class DrawingService {

    private final DrawingStore drawings;
    private final IdGenerator ids;
    private final JobPolicy policy;

    public DrawingService(DrawingStore drawings, IdGenerator ids, JobPolicy policy) {
        this.drawings = drawings;
        this.ids = ids;
        this.policy = policy;
    }

    /** A new drawing id with an upload bound to the declared type and size. */
    public DrawingUpload requestUpload(UploadRequest request) {
        if (request.sizeBytes() > policy.maxUploadBytes()) {
            throw new JobRejectedException(JobRejectedException.Reason.TOO_LARGE, "size_bytes " + request.sizeBytes()
                    + " exceeds the limit of " + policy.maxUploadBytes() + " bytes");
        }
        String drawingId = ids.newId(DrawingKeys.DRAWING_ID_PREFIX);
        String key = DrawingKeys.of(request.owner(), drawingId);
        return new DrawingUpload(drawingId, drawings.presignUpload(key, request.contentType(), request.sizeBytes(),
                policy.uploadUrlTtl()));
    }
}
