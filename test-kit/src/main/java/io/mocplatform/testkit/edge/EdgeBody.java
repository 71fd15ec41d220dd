package io.mocplatform.testkit.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;

/**
 * A request body on its way through the edge: held in memory (the small JSON and form bodies of DynamoDB, SQS,
 * SNS and SSM, which the edge reads to authorize), or streamed to the emulator without being held (S3 objects).
 * A stream is read at most once: {@link #bytes()} buffers it, after which it is forwarded from memory.
 */
public final class EdgeBody {

    private static final EdgeBody EMPTY = new EdgeBody(new byte[0], null, 0);

    private byte[] bytes;
    private InputStream stream;
    private final long length;

    private EdgeBody(byte[] bytes, InputStream stream, long length) {
        this.bytes = bytes;
        this.stream = stream;
        this.length = length;
    }

    public static EdgeBody empty() {
        return EMPTY;
    }

    public static EdgeBody of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new EdgeBody(bytes, null, bytes.length);
    }

    /** A body read from {@code stream} only when forwarded; {@code length} is -1 when the client sent none. */
    public static EdgeBody streaming(InputStream stream, long length) {
        return length == 0 ? EMPTY : new EdgeBody(null, stream, length);
    }

    /** Content length, or -1 when unknown (a chunked request). */
    public long length() {
        return bytes != null ? bytes.length : length;
    }

    /** The whole body, read into memory on first call. */
    public synchronized byte[] bytes() throws IOException {
        if (bytes == null) {
            try (InputStream in = stream) {
                bytes = in.readAllBytes();
            }
            stream = null;
        }
        return bytes;
    }

    /** Reads and drops what no one read, so the client has sent its whole request before it gets an answer. */
    synchronized void discardUnread() throws IOException {
        if (stream != null) {
            try (InputStream in = stream) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            stream = null;
        }
    }

    synchronized HttpRequest.BodyPublisher publisher() {
        if (bytes != null) {
            return bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        InputStream body = stream;
        stream = null;
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofInputStream(() -> body);
        // A known length keeps Content-Length on the forwarded request (S3 refuses a PUT without one).
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(publisher, length) : publisher;
    }
}
