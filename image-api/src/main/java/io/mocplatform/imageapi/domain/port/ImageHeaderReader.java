package io.mocplatform.imageapi.domain.port;

import io.mocplatform.imageapi.domain.ImageFormat;

import java.util.Optional;

/** Reads an image's dimensions from its leading bytes, without decoding pixels. */
public interface ImageHeaderReader {

    /** Width and height in pixels, or empty when the headers do not yield them. */
    Optional<Dimensions> dimensions(byte[] leadingBytes, ImageFormat format);

    /** Pixel dimensions. */
    record Dimensions(int width, int height) {
    }
}
