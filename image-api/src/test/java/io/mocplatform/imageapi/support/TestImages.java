package io.mocplatform.imageapi.support;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Real image files generated at test time with javax.imageio (no binary fixtures), and hand-built WebP headers. */
public final class TestImages {

    private TestImages() {
    }

    /** A PNG, JPEG or GIF ({@code formatName} as ImageIO names it) of the given size. */
    public static byte[] image(String formatName, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.RED, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, formatName, out)) {
                throw new IllegalArgumentException("no ImageIO writer for " + formatName);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    public static byte[] jpeg(int width, int height) {
        return image("jpeg", width, height);
    }

    public static byte[] gif(int width, int height) {
        return image("gif", width, height);
    }

    /**
     * A lossless WebP container whose VP8L header declares the given size (ImageIO has no WebP writer). The pixel
     * data is a placeholder: verification reads headers only, which is exactly what this exercises.
     */
    public static byte[] webp(int width, int height) {
        byte[] payload = new byte[64];
        payload[0] = 0x2F; // VP8L signature
        int bits = (width - 1) | (height - 1) << 14;
        payload[1] = (byte) bits;
        payload[2] = (byte) (bits >>> 8);
        payload[3] = (byte) (bits >>> 16);
        payload[4] = (byte) (bits >>> 24);
        var out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeLe32(out, 4 + 8 + payload.length);
        out.writeBytes("WEBPVP8L".getBytes(StandardCharsets.US_ASCII));
        writeLe32(out, payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Text that claims to be something else. */
    public static byte[] text() {
        return "this is not an image, just some words in a file\n".repeat(20).getBytes(StandardCharsets.UTF_8);
    }

    /** The first {@code fraction} of the bytes, as an interrupted upload leaves them. */
    public static byte[] truncated(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    private static void writeLe32(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
