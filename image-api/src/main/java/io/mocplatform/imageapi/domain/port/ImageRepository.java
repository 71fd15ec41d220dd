package io.mocplatform.imageapi.domain.port;

import io.mocplatform.model.image.ImageMetadata;

import java.util.Optional;

/** Where image metadata lives. Writes are conditional on the image's {@code version} (optimistic locking). */
public interface ImageRepository {

    /** The image with this id, read consistently, if it exists. */
    Optional<ImageMetadata> find(String imageId);

    /**
     * Writes the image: a new one when its version is null, else only if the stored version still equals its
     * version. Returns what was stored, with the next version.
     *
     * @throws VersionConflictException when the stored version differs (or the image exists already / is gone)
     */
    ImageMetadata save(ImageMetadata image);

    /**
     * Removes the image; with an expected version, only while the stored version equals it. Removing an image
     * that does not exist succeeds (when no version is expected).
     *
     * @throws VersionConflictException when a version is expected and the stored one differs
     */
    void delete(String imageId, Long expectedVersion);

    /** One page of the owner's images, newest first. */
    Page<ImageMetadata> listByOwner(String owner, PageRequest request);

    /** One page of the owner's images in an album, newest first; other users' images in the album are skipped. */
    Page<ImageMetadata> listByAlbum(String owner, String albumId, PageRequest request);

    /** The conditional write lost against another writer. */
    final class VersionConflictException extends RuntimeException {
        public VersionConflictException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
