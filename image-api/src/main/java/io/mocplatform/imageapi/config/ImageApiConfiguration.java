package io.mocplatform.imageapi.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.mocplatform.function.config.Settings;
import io.mocplatform.model.PlatformNames;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * image-api settings ({@code image-api.*}); the resource names come from the environment Terraform sets
 * ({@code IMAGES_TABLE}, {@code IMAGES_BUCKET}, {@code CDN_BASE_URL}), see application.properties. A missing or wrong
 * value stops the function at start ({@link Settings}; {@link io.mocplatform.imageapi.domain.ImagePolicy} adds
 * the domain's own rules).
 *
 * @param table               ImageMetadata table name
 * @param bucket              images bucket name
 * @param cdnBaseUrl          base URL of the CDN serving the bucket, {@code http(s)://} without spaces
 * @param allowedContentTypes media types accepted for upload, at least one
 * @param maxBytes            largest accepted upload in bytes (default 20 MiB)
 * @param maxWidth            widest accepted image in pixels
 * @param maxHeight           tallest accepted image in pixels
 * @param maxPixels           largest accepted width × height
 * @param uploadValidity      lifetime of a signed upload, at most one hour
 * @param defaultPageSize     listing page size when the client gives no {@code limit}, 1 to 100
 */
@ConfigurationProperties("image-api")
public record ImageApiConfiguration(
        String table,
        String bucket,
        String cdnBaseUrl,
        @Bindable(defaultValue = "image/jpeg,image/png,image/webp,image/gif") List<String> allowedContentTypes,
        @Bindable(defaultValue = "20971520") long maxBytes,
        @Bindable(defaultValue = "16384") int maxWidth,
        @Bindable(defaultValue = "16384") int maxHeight,
        @Bindable(defaultValue = "100000000") long maxPixels,
        @Bindable(defaultValue = "15m") Duration uploadValidity,
        @Bindable(defaultValue = "20") int defaultPageSize) {

    private static final Map<String, String> VARIABLES = Map.of("table", PlatformNames.IMAGES_TABLE,
            "bucket", PlatformNames.IMAGES_BUCKET, "cdn-base-url", PlatformNames.CDN_BASE_URL);
    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");

    public ImageApiConfiguration {
        Settings.of("image-api", VARIABLES)
                .text("table", table)
                .text("bucket", bucket)
                .matches("cdn-base-url", cdnBaseUrl, HTTP_URL, "an http:// or https:// URL without spaces")
                .notEmpty("allowed-content-types", allowedContentTypes)
                .atLeast("max-bytes", maxBytes, 1)
                .atLeast("max-width", maxWidth, 1)
                .atLeast("max-height", maxHeight, 1)
                .atLeast("max-pixels", maxPixels, 1)
                .present("upload-validity", uploadValidity)
                .range("default-page-size", defaultPageSize, 1, 100)
                .check();
    }
}
