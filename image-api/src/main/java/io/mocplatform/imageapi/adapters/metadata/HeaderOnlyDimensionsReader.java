package io.mocplatform.imageapi.adapters.metadata;

import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.webp.WebpDirectory;
import io.mocplatform.imageapi.domain.ImageFormat;
import io.mocplatform.imageapi.domain.port.ImageHeaderReader;
import jakarta.inject.Singleton;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.util.Iterator;
import java.util.Optional;

/**
 * Dimensions from image headers, never decoding pixels. PNG, JPEG and GIF go through the JDK's ImageIO readers,
 * whose {@code getWidth}/{@code getHeight} read only up to the header and so work on the leading bytes of a
 * large file (metadata-extractor's PNG reader, by contrast, gives up when the chunk list is cut off). WebP, which
 * the JDK cannot read, goes through metadata-extractor.
 */
@Singleton
class HeaderOnlyDimensionsReader implements ImageHeaderReader {

    static {
        // No disk cache for stream reads: Lambda's file system is small and nothing here is large.
        ImageIO.setUseCache(false);
    }

    @Override
    public Optional<Dimensions> dimensions(byte[] leadingBytes, ImageFormat format) {
        try {
            return format == ImageFormat.WEBP ? webp(leadingBytes) : imageIo(leadingBytes, format);
        } catch (Exception | LinkageError unreadable) {
            // Any parser failure means the same to the caller: the headers do not yield dimensions.
            return Optional.empty();
        }
    }

    private static Optional<Dimensions> imageIo(byte[] bytes, ImageFormat format) throws Exception {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return Optional.of(new Dimensions(reader.getWidth(0), reader.getHeight(0)));
        } finally {
            reader.dispose();
        }
    }

    private static Optional<Dimensions> webp(byte[] bytes) throws Exception {
        Metadata metadata = WebpMetadataReader.readMetadata(new ByteArrayInputStream(firstChunkOnly(bytes)));
        for (WebpDirectory directory : metadata.getDirectoriesOfType(WebpDirectory.class)) {
            Integer width = directory.getInteger(WebpDirectory.TAG_IMAGE_WIDTH);
            Integer height = directory.getInteger(WebpDirectory.TAG_IMAGE_HEIGHT);
            if (width != null && height != null) {
                return Optional.of(new Dimensions(width, height));
            }
        }
        return Optional.empty();
    }

    /**
     * metadata-extractor reads each RIFF chunk whole before looking at it, so the image chunk of a WebP larger
     * than the header window would end the read at EOF. The size sits in the first bytes of the first chunk
     * (VP8, VP8L or VP8X): hand over a container holding just those, with the sizes adjusted to match.
     */
    private static byte[] firstChunkOnly(byte[] bytes) {
        int headerEnd = 20;
        if (bytes.length < headerEnd) {
            return bytes;
        }
        long chunkSize = (bytes[16] & 0xFFL) | (bytes[17] & 0xFFL) << 8 | (bytes[18] & 0xFFL) << 16
                | (bytes[19] & 0xFFL) << 24;
        int available = bytes.length - headerEnd;
        if (chunkSize <= available) {
            return bytes;
        }
        int keep = Math.min(available, 64) & ~1;
        byte[] view = java.util.Arrays.copyOf(bytes, headerEnd + keep);
        writeLe32(view, 4, 4 + 8 + keep);
        writeLe32(view, 16, keep);
        return view;
    }

    private static void writeLe32(byte[] target, int offset, int value) {
        target[offset] = (byte) value;
        target[offset + 1] = (byte) (value >>> 8);
        target[offset + 2] = (byte) (value >>> 16);
        target[offset + 3] = (byte) (value >>> 24);
    }
}
