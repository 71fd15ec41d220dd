package io.mocplatform.model.image;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Metadata of one image, as stored in the ImageMetadata table. Immutable: change it through
 * {@link #toBuilder()}. {@code version} is both the optimistic-locking counter and the ETag.
 *
 * @param imageId     {@code img_<random>}
 * @param owner       the {@code sub} of the uploader
 * @param status      pending until the upload is verified
 * @param objectKey   S3 key of the image
 * @param filename    the client's file name, for display and downloads
 * @param contentType declared (and, once active, verified) media type
 * @param bytes       declared size, verified on completion
 * @param width       pixels, known once active
 * @param height      pixels, known once active
 * @param sha256      hex digest of the object, known once active
 * @param title       optional title
 * @param description optional description
 * @param tags        optional tags
 * @param albumId     optional album
 * @param uploadedAt  when the upload was requested; orders listings
 * @param updatedAt   last change
 * @param ttl         expiry in epoch seconds while pending, null once active
 * @param version     optimistic-locking version, null before the first write
 */
public record ImageMetadata(String imageId, String owner, ImageStatus status, String objectKey, String filename,
                            String contentType, long bytes, Integer width, Integer height, String sha256,
                            String title, String description, List<String> tags, String albumId,
                            Instant uploadedAt, Instant updatedAt, Long ttl, Long version) {

    /** How long a pending upload is kept before DynamoDB expires it. */
    public static final Duration PENDING_RETENTION = Duration.ofDays(1);

    public ImageMetadata {
        Objects.requireNonNull(imageId, "image id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(uploadedAt, "uploaded at");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A builder starting from this image's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; also what the DynamoDB immutable table schema fills. */
    public static final class Builder {
        private String imageId;
        private String owner;
        private ImageStatus status;
        private String objectKey;
        private String filename;
        private String contentType;
        private long bytes;
        private Integer width;
        private Integer height;
        private String sha256;
        private String title;
        private String description;
        private List<String> tags;
        private String albumId;
        private Instant uploadedAt;
        private Instant updatedAt;
        private Long ttl;
        private Long version;

        Builder() {
        }

        Builder(ImageMetadata m) {
            imageId = m.imageId;
            owner = m.owner;
            status = m.status;
            objectKey = m.objectKey;
            filename = m.filename;
            contentType = m.contentType;
            bytes = m.bytes;
            width = m.width;
            height = m.height;
            sha256 = m.sha256;
            title = m.title;
            description = m.description;
            tags = m.tags;
            albumId = m.albumId;
            uploadedAt = m.uploadedAt;
            updatedAt = m.updatedAt;
            ttl = m.ttl;
            version = m.version;
        }

        public Builder imageId(String value) { imageId = value; return this; }
        public Builder owner(String value) { owner = value; return this; }
        public Builder status(ImageStatus value) { status = value; return this; }
        public Builder objectKey(String value) { objectKey = value; return this; }
        public Builder filename(String value) { filename = value; return this; }
        public Builder contentType(String value) { contentType = value; return this; }
        public Builder bytes(long value) { bytes = value; return this; }
        public Builder bytes(Long value) { bytes = value == null ? 0 : value; return this; }
        public Builder width(Integer value) { width = value; return this; }
        public Builder height(Integer value) { height = value; return this; }
        public Builder sha256(String value) { sha256 = value; return this; }
        public Builder title(String value) { title = value; return this; }
        public Builder description(String value) { description = value; return this; }
        public Builder tags(List<String> value) { tags = value; return this; }
        public Builder albumId(String value) { albumId = value; return this; }
        public Builder uploadedAt(Instant value) { uploadedAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder ttl(Long value) { ttl = value; return this; }
        public Builder version(Long value) { version = value; return this; }

        /** The metadata; fails when a required field is missing. */
        public ImageMetadata build() {
            return new ImageMetadata(imageId, owner, status, objectKey, filename, contentType, bytes, width, height,
                    sha256, title, description, tags, albumId, uploadedAt, updatedAt, ttl, version);
        }
    }
}
