package io.mocplatform.imageapi.domain;

import io.mocplatform.imageapi.domain.port.ImageHeaderReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checks an uploaded object in one streaming pass: digest, magic bytes, a complete ending, and dimensions read
 * from the headers within the policy's limits. Memory stays bounded by the header window, whatever the size.
 */
final class ImageVerifier {

    /** Dimensions sit in the first bytes of every format we accept; JPEG EXIF/ICC segments can push them back. */
    static final int HEADER_WINDOW = 1 << 20;
    private static final int TAIL = 16;

    private final ImageHeaderReader headerReader;
    private final ImagePolicy policy;

    ImageVerifier(ImageHeaderReader headerReader, ImagePolicy policy) {
        this.headerReader = headerReader;
        this.policy = policy;
    }

    /**
     * Verifies the object's bytes against the declared format and size.
     *
     * @throws ImageException.UploadRejected naming the first check that failed
     */
    VerifiedImage verify(InputStream in, ImageFormat declared, long declaredBytes) {
        MessageDigest sha256 = sha256();
        ByteArrayOutputStream head = new ByteArrayOutputStream((int) Math.min(declaredBytes, HEADER_WINDOW));
        byte[] tail = new byte[TAIL];
        int tailFill = 0;
        long total = 0;
        JpegEndDetector jpegEnd = new JpegEndDetector();
        byte[] buffer = new byte[64 * 1024];
        try {
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > declaredBytes) {
                    // The object changed after its size was checked; never hash more than was promised.
                    throw reject(RejectionReason.SIZE_MISMATCH, "The uploaded object is larger than the declared "
                            + declaredBytes + " bytes.");
                }
                sha256.update(buffer, 0, read);
                if (head.size() < HEADER_WINDOW) {
                    head.write(buffer, 0, Math.min(read, HEADER_WINDOW - head.size()));
                }
                if (declared == ImageFormat.JPEG) {
                    jpegEnd.update(buffer, 0, read);
                }
                tailFill = keepTail(tail, tailFill, buffer, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded object failed", e);
        }
        if (total != declaredBytes) {
            throw reject(RejectionReason.SIZE_MISMATCH, "The uploaded object has " + total + " bytes; "
                    + declaredBytes + " were declared.");
        }
        byte[] headBytes = head.toByteArray();
        if (!declared.startsCorrectly(headBytes)) {
            throw reject(RejectionReason.CONTENT_MISMATCH, "The uploaded bytes are not a " + declared.contentType()
                    + " file.");
        }
        var facts = new ImageFormat.StreamFacts(headBytes, Arrays.copyOfRange(tail, TAIL - tailFill, TAIL), total,
                jpegEnd.endSeen());
        if (!declared.endsCorrectly(facts)) {
            throw reject(RejectionReason.TRUNCATED, "The " + declared.contentType()
                    + " file ends before its format's end: the upload is incomplete.");
        }
        var dimensions = headerReader.dimensions(headBytes, declared).orElseThrow(() -> reject(
                RejectionReason.DIMENSIONS_UNREADABLE, "The image's width and height could not be read."));
        if (dimensions.width() <= 0 || dimensions.height() <= 0) {
            throw reject(RejectionReason.DIMENSIONS_UNREADABLE, "The image declares no pixels.");
        }
        if (dimensions.width() > policy.maxWidth() || dimensions.height() > policy.maxHeight()
                || (long) dimensions.width() * dimensions.height() > policy.maxPixels()) {
            throw reject(RejectionReason.DIMENSIONS_TOO_LARGE, "The image is " + dimensions.width() + "x"
                    + dimensions.height() + " pixels; at most " + policy.maxWidth() + "x" + policy.maxHeight()
                    + " and " + policy.maxPixels() + " pixels are accepted.");
        }
        return new VerifiedImage(dimensions.width(), dimensions.height(), HexFormat.of().formatHex(sha256.digest()));
    }

    /** Shifts the newest bytes into a fixed-size tail buffer; returns how much of it is filled. */
    private static int keepTail(byte[] tail, int fill, byte[] buffer, int read) {
        if (read >= TAIL) {
            System.arraycopy(buffer, read - TAIL, tail, 0, TAIL);
            return TAIL;
        }
        System.arraycopy(tail, read, tail, 0, TAIL - read);
        System.arraycopy(buffer, 0, tail, TAIL - read, read);
        return Math.min(TAIL, fill + read);
    }

    private static ImageException.UploadRejected reject(RejectionReason reason, String detail) {
        return new ImageException.UploadRejected(reason, detail);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
