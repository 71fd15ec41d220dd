package io.mocplatform.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The on-disk state of a stand-in (the SNS topics, the SSM parameters) as one JSON document, so the devstack keeps
 * it across restarts. Writes go to a temporary file that is then moved into place: a crash mid-write never leaves
 * half a file that the next start could not read.
 *
 * @param file where the state lives; the parent directories are created on the first write
 * @param what what the file holds, for error messages (e.g. "SNS stand-in state")
 */
public record JsonStateFile(Path file, String what) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored state, or empty when nothing was stored yet. */
    public <T> Optional<T> read(Class<T> type) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + what + " " + file, e);
        }
    }

    /** Replaces the stored state with {@code state}. */
    public void write(Object state) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), state);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + what + " " + file, e);
        }
    }
}
