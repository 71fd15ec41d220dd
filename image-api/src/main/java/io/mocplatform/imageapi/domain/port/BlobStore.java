package io.mocplatform.imageapi.domain.port;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalLong;

/** The object store holding image bytes. Clients upload straight to it with a signed request. */
public interface BlobStore {

    /** A signed upload for exactly this key, content type and length, valid for {@code validity}. */
    UploadTicket signUpload(String key, String contentType, long bytes, Duration validity);

    /** The stored object's size, or empty when nothing is stored under the key. */
    OptionalLong size(String key);

    /** Opens the stored object; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** Removes the object; removing a missing object succeeds. */
    void delete(String key);
}
