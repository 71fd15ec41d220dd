package io.mocplatform.imageapi.adapters.metadata;

import com.drew.imaging.gif.GifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import io.mocplatform.imageapi.domain.ImageFormat;
import io.mocplatform.imageapi.domain.port.ImageHeaderReader;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/** Dimensions from image headers with metadata-extractor, which parses segments and chunks but no pixels. */
@Singleton
class MetadataExtractorHeaderReader implements ImageHeaderReader {

    @Override
    public Optional<Dimensions> dimensions(byte[] leadingBytes, ImageFormat format) {
        InputStream in = new ByteArrayInputStream(leadingBytes);
        try {
            return switch (format) {
                case JPEG -> read(JpegMetadataReader.readMetadata(in), JpegDirectory.class,
                        JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT);
                case PNG -> read(PngMetadataReader.readMetadata(in), PngDirectory.class,
                        PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT);
                case GIF -> read(GifMetadataReader.readMetadata(in), GifHeaderDirectory.class,
                        GifHeaderDirectory.TAG_IMAGE_WIDTH, GifHeaderDirectory.TAG_IMAGE_HEIGHT);
                case WEBP -> read(WebpMetadataReader.readMetadata(in), WebpDirectory.class,
                        WebpDirectory.TAG_IMAGE_WIDTH, WebpDirectory.TAG_IMAGE_HEIGHT);
            };
        } catch (Exception unreadable) {
            // Any parser failure means the same to the caller: the headers do not yield dimensions.
            return Optional.empty();
        }
    }

    private static <D extends Directory> Optional<Dimensions> read(Metadata metadata, Class<D> type, int widthTag,
                                                                   int heightTag) {
        for (D directory : metadata.getDirectoriesOfType(type)) {
            Integer width = directory.getInteger(widthTag);
            Integer height = directory.getInteger(heightTag);
            if (width != null && height != null) {
                return Optional.of(new Dimensions(width, height));
            }
        }
        return Optional.empty();
    }
}
