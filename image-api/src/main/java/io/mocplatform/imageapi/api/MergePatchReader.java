package io.mocplatform.imageapi.api;

import io.micronaut.http.HttpRequest;
import io.mocplatform.api.JsonBodies;
import io.mocplatform.api.JsonObject;
import io.mocplatform.api.ProblemException;
import io.mocplatform.imageapi.domain.Change;
import io.mocplatform.imageapi.domain.ImagePatch;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an RFC 7396 JSON merge patch into an {@link ImagePatch}, through the strict body reader both APIs share
 * (media type, one object, nothing after it, no field twice). Read field by field because a merge patch tells
 * "absent" (keep) from {@code null} (remove), which a record binding cannot.
 */
@Singleton
class MergePatchReader {

    static final String MEDIA_TYPE = "application/merge-patch+json";

    private static final Set<String> EDITABLE = Set.of("title", "description", "tags", "album_id");
    /** Fields clients see on an image but cannot change. */
    private static final Set<String> READ_ONLY = Set.of("image_id", "owner", "status", "filename", "content_type",
            "bytes", "width", "height", "sha256", "url", "object_key", "uploaded_at", "updated_at", "expires_at",
            "etag", "version");

    private final JsonBodies bodies;

    MergePatchReader(JsonBodies bodies) {
        this.bodies = bodies;
    }

    ImagePatch read(HttpRequest<?> request, String body) {
        JsonObject patch = bodies.read(request, body, MEDIA_TYPE);
        Set<String> readOnly = new TreeSet<>(patch.names());
        readOnly.retainAll(READ_ONLY);
        if (!readOnly.isEmpty()) {
            throw ProblemException.badRequest("immutable_field", "These fields cannot be changed: "
                    + String.join(", ", readOnly) + ". Only title, description, tags and album_id can.");
        }
        patch.allowOnly(EDITABLE);
        Change<String> title = text(patch, "title");
        Change<String> description = text(patch, "description");
        Change<String> albumId = text(patch, "album_id");
        Change<List<String>> tags = change(patch, "tags", patch.strings("tags"));
        patch.check();
        return new ImagePatch(title, description, tags, albumId);
    }

    private static Change<String> text(JsonObject patch, String name) {
        return change(patch, name, patch.string(name));
    }

    private static <T> Change<T> change(JsonObject patch, String name, T value) {
        if (!patch.has(name)) {
            return Change.keep();
        }
        if (patch.isNull(name)) {
            return Change.remove();
        }
        // A wrongly typed value reads as null and has been noted; check() refuses the patch before it is used.
        return value == null ? Change.keep() : Change.set(value);
    }
}
