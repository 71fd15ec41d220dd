package io.mocplatform.imageapi.domain.port;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * The object store holding image bytes. Clients upload straight to it with a signed request; the service reads,
 * copies and deletes objects, each read and copy pinned to the exact bytes it was given ({@link StoredObject#tag()}),
 * so bytes replaced in between are noticed instead of used.
 */
public interface BlobStore {

    /** A signed upload for exactly this key, content type and length, valid for {@code validity}. */
    UploadTicket signUpload(String key, String contentType, long bytes, Duration validity);

    /** The stored object's size and tag, or empty when nothing is stored under the key. */
    Optional<StoredObject> find(String key);

    /**
     * Opens the object's bytes as they were when tagged {@code tag}; the caller closes the stream.
     *
     * @throws ObjectChangedException when the object has been replaced (or removed) since
     */
    InputStream open(String key, String tag) throws IOException;

    /**
     * Copies the object at {@code sourceKey}, as it was when tagged {@code tag}, to {@code targetKey} (inside the
     * store: the bytes do not pass through the caller).
     *
     * @throws ObjectChangedException when the source has been replaced (or removed) since
     */
    void copy(String sourceKey, String tag, String targetKey);

    /** Removes the object; removing a missing object succeeds. */
    void delete(String key);

    /**
     * A stored object.
     *
     * @param size bytes
     * @param tag  identifies exactly these bytes (S3's ETag): another upload under the same key gets another tag
     */
    record StoredObject(long size, String tag) {
    }

    /** The object no longer holds the bytes of the tag the caller read. */
    final class ObjectChangedException extends RuntimeException {
        public ObjectChangedException(String key) {
            super("object " + key + " changed");
        }
    }
}
