package io.mocplatform.imageapi.domain;

/**
 * What verification established about an uploaded object.
 *
 * @param width  pixels
 * @param height pixels
 * @param sha256 lower-case hex digest of the bytes
 */
public record VerifiedImage(int width, int height, String sha256) {
}
