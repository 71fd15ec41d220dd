package io.mocplatform.processor.domain.port;

import java.nio.file.Path;
import java.util.OptionalLong;

/** The uploaded drawings. */
public interface DrawingStore {

    /** The object's size in bytes, empty when there is no such object. */
    OptionalLong size(String key);

    /** Copies the object into {@code target} (replacing it). */
    void download(String key, Path target);
}
