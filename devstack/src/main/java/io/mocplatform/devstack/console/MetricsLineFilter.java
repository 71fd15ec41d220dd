package io.mocplatform.devstack.console;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output for readable mode: drops the CloudWatch embedded-metric documents ({@code {"_aws":...}} lines)
 * the functions print for the Lambda log agent, which mean nothing to a person reading a terminal.
 */
public final class MetricsLineFilter extends OutputStream {

    private static final byte[] EMF_PREFIX = "{\"_aws\"".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private MetricsLineFilter(OutputStream target) {
        this.target = target;
    }

    /** A print stream over {@code target} without embedded-metric lines. */
    public static PrintStream over(PrintStream target) {
        return new PrintStream(new MetricsLineFilter(target), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        try {
            target.flush();
        } catch (java.io.IOException ignored) {
            // Standard output gone: nothing to do.
        }
    }

    private void emit() {
        byte[] bytes = line.toByteArray();
        line.reset();
        if (startsWith(bytes, EMF_PREFIX)) {
            return;
        }
        try {
            target.write(bytes);
            target.flush();
        } catch (java.io.IOException ignored) {
            // Standard output gone: nothing to do.
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
