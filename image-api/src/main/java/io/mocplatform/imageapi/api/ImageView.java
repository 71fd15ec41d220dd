package io.mocplatform.imageapi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.mocplatform.imageapi.domain.ImagePolicy;
import io.mocplatform.model.image.ImageMetadata;
import io.mocplatform.model.image.ImageStatus;

import java.time.Instant;
import java.util.List;

/**
 * An image as clients see it. {@code url} appears once the image is active; {@code expires_at} while it is
 * pending. {@code etag} repeats the ETag header so list items can be edited without another read.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImageView(String imageId, String status, String filename, String contentType, long bytes, Integer width,
                 Integer height, String sha256, String title, String description, List<String> tags,
                 String albumId, String url, String uploadedAt, String updatedAt, String expiresAt, String etag) {

    static ImageView of(ImageMetadata image, ImagePolicy policy) {
        boolean active = image.status() == ImageStatus.ACTIVE;
        return new ImageView(image.imageId(), image.status().wireName(), image.filename(), image.contentType(),
                image.bytes(), image.width(), image.height(), image.sha256(), image.title(), image.description(),
                image.tags(), image.albumId(), active ? policy.urlOf(image.objectKey()) : null,
                text(image.uploadedAt()), text(image.updatedAt()),
                image.ttl() == null ? null : Instant.ofEpochSecond(image.ttl()).toString(),
                EntityTags.of(image.version()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
