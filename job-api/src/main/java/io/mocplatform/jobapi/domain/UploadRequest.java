package io.mocplatform.jobapi.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A client's wish to upload a drawing. Checks its own shape; the size limit is policy and checked by
 * {@link DrawingService}.
 *
 * @param owner       the caller
 * @param filename    the client's file name; checked, not stored (the drawing id names the object)
 * @param contentType declared media type; must be {@value #PDF}
 * @param sizeBytes   declared size; the presigned upload only accepts exactly this many bytes
 */
public record UploadRequest(String owner, String filename, String contentType, long sizeBytes) {

    /** The only media type accepted. */
    public static final String PDF = "application/pdf";
    private static final int MAX_FILENAME_LENGTH = 255;

    public UploadRequest {
        Objects.requireNonNull(owner, "owner");
        List<String> errors = new ArrayList<>();
        if (filename == null || filename.isBlank()) {
            errors.add("filename is required");
        } else if (filename.length() > MAX_FILENAME_LENGTH || filename.chars().anyMatch(Character::isISOControl)) {
            errors.add("filename must be at most 255 characters without control characters");
        }
        if (contentType == null || contentType.isBlank()) {
            errors.add("content_type is required");
        }
        if (sizeBytes < 1) {
            errors.add("size_bytes must be a positive number of bytes");
        }
        if (!errors.isEmpty()) {
            throw new JobRejectedException(JobRejectedException.Reason.INVALID, errors.get(0), errors);
        }
        if (!PDF.equals(contentType.toLowerCase(Locale.ROOT))) {
            throw new JobRejectedException(JobRejectedException.Reason.UNSUPPORTED_TYPE,
                    "content_type must be " + PDF + ", got '" + contentType + "'");
        }
        contentType = PDF;
    }
}
