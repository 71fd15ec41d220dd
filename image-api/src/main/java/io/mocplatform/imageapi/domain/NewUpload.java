package io.mocplatform.imageapi.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's request to upload an image. Self-validating: a value of this type has well-formed fields (whether the
 * type and size are acceptable depends on configuration and is the service's call).
 *
 * @param owner       the caller
 * @param filename    the client's file name
 * @param contentType declared media type
 * @param sizeBytes   declared size; the signed upload only accepts exactly this many bytes
 * @param albumId     optional album
 * @param title       optional title
 * @param description optional description
 * @param tags        optional tags
 */
public record NewUpload(String owner, String filename, String contentType, long sizeBytes, String albumId,
                        String title, String description, List<String> tags) {

    public NewUpload {
        List<String> violations = new ArrayList<>();
        if (owner == null || owner.isBlank()) {
            violations.add("owner: required");
        }
        ImageFields.checkFilename(filename, violations);
        if (contentType == null || contentType.isBlank()) {
            violations.add("content_type: required");
        }
        if (sizeBytes <= 0) {
            violations.add("size_bytes: a positive number of bytes");
        }
        ImageFields.checkAlbumId(albumId, violations);
        ImageFields.checkTitle(title, violations);
        ImageFields.checkDescription(description, violations);
        ImageFields.checkTags(tags, violations);
        if (!violations.isEmpty()) {
            throw new ImageException.InvalidRequest("The upload request is invalid.", violations);
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
