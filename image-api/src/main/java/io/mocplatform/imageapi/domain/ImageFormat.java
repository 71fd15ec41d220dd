package io.mocplatform.imageapi.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats the service knows: how each one starts (magic bytes) and how a complete file of it ends.
 * The end check is what tells a truncated upload from a whole one without decoding pixels.
 */
public enum ImageFormat {
    JPEG("image/jpeg") {
        @Override
        boolean startsCorrectly(byte[] head) {
            return startsWith(head, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        }

        @Override
        boolean endsCorrectly(StreamFacts facts) {
            return facts.jpegEndSeen();
        }
    },
    PNG("image/png") {
        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        /** An empty IEND chunk: length 0, type, CRC. Every complete PNG ends with it. */
        private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

        @Override
        boolean startsCorrectly(byte[] head) {
            return startsWith(head, 0, SIGNATURE);
        }

        @Override
        boolean endsCorrectly(StreamFacts facts) {
            return endsWith(facts.tail(), IEND);
        }
    },
    GIF("image/gif") {
        @Override
        boolean startsCorrectly(byte[] head) {
            return startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"));
        }

        @Override
        boolean endsCorrectly(StreamFacts facts) {
            byte[] tail = facts.tail();
            return tail.length > 0 && tail[tail.length - 1] == 0x3B;
        }
    },
    WEBP("image/webp") {
        @Override
        boolean startsCorrectly(byte[] head) {
            return startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"));
        }

        @Override
        boolean endsCorrectly(StreamFacts facts) {
            byte[] head = facts.head();
            if (head.length < 8) {
                return false;
            }
            // The RIFF header states the size of everything after its first 8 bytes.
            long declared = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16
                    | (head[7] & 0xFFL) << 24;
            return declared + 8 == facts.totalBytes();
        }
    };

    private final String contentType;

    ImageFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The media type of this format. */
    public String contentType() {
        return contentType;
    }

    /** The format with this media type, if the service knows it. */
    public static Optional<ImageFormat> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(f -> f.contentType.equalsIgnoreCase(contentType)).findFirst();
    }

    /** Whether the leading bytes are this format's signature. */
    abstract boolean startsCorrectly(byte[] head);

    /** Whether the file ends the way a complete file of this format does. */
    abstract boolean endsCorrectly(StreamFacts facts);

    /**
     * What one pass over an object established.
     *
     * @param head        the leading bytes (up to the verifier's window)
     * @param tail        the last bytes
     * @param totalBytes  how many bytes the object has
     * @param jpegEndSeen whether a JPEG end-of-image marker followed the first start-of-scan
     */
    record StreamFacts(byte[] head, byte[] tail, long totalBytes, boolean jpegEndSeen) {
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        return Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static boolean endsWith(byte[] data, byte[] suffix) {
        return data.length >= suffix.length
                && Arrays.equals(data, data.length - suffix.length, data.length, suffix, 0, suffix.length);
    }
}
