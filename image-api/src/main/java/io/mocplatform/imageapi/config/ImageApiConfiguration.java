package io.mocplatform.imageapi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.time.Duration;
import java.util.List;

/**
 * image-api settings ({@code image-api.*}); the resource names come from the environment Terraform sets
 * ({@code IMAGES_TABLE}, {@code IMAGES_BUCKET}, {@code CDN_BASE_URL}), see application.yml.
 *
 * @param table               ImageMetadata table name
 * @param bucket              images bucket name
 * @param cdnBaseUrl          base URL of the CDN serving the bucket
 * @param allowedContentTypes media types accepted for upload
 * @param maxBytes            largest accepted upload in bytes (default 20 MiB)
 * @param maxWidth            widest accepted image in pixels
 * @param maxHeight           tallest accepted image in pixels
 * @param maxPixels           largest accepted width × height
 * @param uploadValidity      lifetime of a signed upload, at most one hour
 * @param defaultPageSize     listing page size when the client gives no {@code limit}
 */
@ConfigurationProperties("image-api")
public record ImageApiConfiguration(
        @NotBlank String table,
        @NotBlank String bucket,
        @NotBlank @Pattern(regexp = "https?://\\S+") String cdnBaseUrl,
        @Bindable(defaultValue = "image/jpeg,image/png,image/webp,image/gif") @NotEmpty List<String> allowedContentTypes,
        @Bindable(defaultValue = "20971520") @Positive long maxBytes,
        @Bindable(defaultValue = "16384") @Positive int maxWidth,
        @Bindable(defaultValue = "16384") @Positive int maxHeight,
        @Bindable(defaultValue = "100000000") @Positive long maxPixels,
        @Bindable(defaultValue = "15m") Duration uploadValidity,
        @Bindable(defaultValue = "20") @Positive @Max(100) int defaultPageSize) {
}
