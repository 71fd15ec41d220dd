package io.mocplatform.imageapi.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The configurable rules of the image service.
 *
 * @param allowedContentTypes media types accepted for upload (each must be a known {@link ImageFormat})
 * @param maxBytes            largest accepted upload
 * @param maxWidth            widest accepted image, pixels
 * @param maxHeight           tallest accepted image, pixels
 * @param maxPixels           largest accepted width × height (guards clients that decode the image later)
 * @param uploadValidity      how long a signed upload stays usable, at most one hour
 * @param cdnBaseUrl          base URL under which the CDN serves object keys, without a trailing slash
 */
public record ImagePolicy(List<String> allowedContentTypes, long maxBytes, int maxWidth, int maxHeight,
                          long maxPixels, Duration uploadValidity, String cdnBaseUrl) {

    /** Signed uploads never outlive this, whatever is configured. */
    public static final Duration MAX_UPLOAD_VALIDITY = Duration.ofHours(1);

    public ImagePolicy {
        allowedContentTypes = List.copyOf(allowedContentTypes);
        if (allowedContentTypes.isEmpty()) {
            throw new IllegalArgumentException("at least one content type must be allowed");
        }
        for (String type : allowedContentTypes) {
            if (ImageFormat.ofContentType(type).isEmpty()) {
                throw new IllegalArgumentException("no verifier for content type " + type);
            }
        }
        if (maxBytes <= 0 || maxWidth <= 0 || maxHeight <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("size and dimension limits must be positive");
        }
        Objects.requireNonNull(uploadValidity, "upload validity");
        if (uploadValidity.isNegative() || uploadValidity.isZero() || uploadValidity.compareTo(MAX_UPLOAD_VALIDITY) > 0) {
            throw new IllegalArgumentException("upload validity must be positive and at most " + MAX_UPLOAD_VALIDITY);
        }
        Objects.requireNonNull(cdnBaseUrl, "cdn base url");
        cdnBaseUrl = cdnBaseUrl.endsWith("/") ? cdnBaseUrl.substring(0, cdnBaseUrl.length() - 1) : cdnBaseUrl;
    }

    /** The accepted format for a declared content type, if it is allowed. */
    ImageFormat formatFor(String contentType) {
        return allowedContentTypes.stream().filter(t -> t.equalsIgnoreCase(contentType)).findFirst()
                .flatMap(ImageFormat::ofContentType)
                .orElseThrow(() -> new ImageException.UnsupportedType(contentType, allowedContentTypes));
    }

    /** Where the CDN serves an object key. */
    public String urlOf(String objectKey) {
        return cdnBaseUrl + "/" + objectKey;
    }
}
