package io.mocplatform.imageapi.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.mocplatform.api.ProblemException;
import io.mocplatform.imageapi.domain.Change;
import io.mocplatform.imageapi.domain.ImagePatch;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an RFC 7396 JSON merge patch into an {@link ImagePatch}. Read as a tree because a merge patch tells
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

    private final JsonMapper json;

    MergePatchReader(JsonMapper json) {
        this.json = json;
    }

    ImagePatch read(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readValue(body, JsonNode.class);
        } catch (IOException malformed) {
            throw ProblemException.badRequest("malformed_patch", "The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.badRequest("malformed_patch", "A merge patch is a JSON object of fields to change.");
        }
        Set<String> readOnly = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.entries()) {
            if (READ_ONLY.contains(field.getKey())) {
                readOnly.add(field.getKey());
            } else if (!EDITABLE.contains(field.getKey())) {
                violations.add(field.getKey() + ": not a field of an image");
            }
        }
        if (!readOnly.isEmpty()) {
            throw ProblemException.badRequest("immutable_field", "These fields cannot be changed: "
                    + String.join(", ", readOnly) + ". Only title, description, tags and album_id can.");
        }
        Change<String> title = text(root, "title", violations);
        Change<String> description = text(root, "description", violations);
        Change<String> albumId = text(root, "album_id", violations);
        Change<List<String>> tags = tags(root, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The patch is invalid.", violations);
        }
        return new ImagePatch(title, description, tags, albumId);
    }

    private static Change<String> text(JsonNode root, String name, List<String> violations) {
        JsonNode value = root.get(name);
        if (value == null) {
            return Change.keep();
        }
        if (value.isNull()) {
            return Change.remove();
        }
        if (!value.isString()) {
            violations.add(name + ": a string, or null to remove it");
            return Change.keep();
        }
        return Change.set(value.getStringValue());
    }

    private static Change<List<String>> tags(JsonNode root, List<String> violations) {
        JsonNode value = root.get("tags");
        if (value == null) {
            return Change.keep();
        }
        if (value.isNull()) {
            return Change.remove();
        }
        List<String> tags = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode tag : value.values()) {
                if (!tag.isString()) {
                    violations.add("tags: an array of strings, or null to remove them");
                    return Change.keep();
                }
                tags.add(tag.getStringValue());
            }
            return Change.set(tags);
        }
        violations.add("tags: an array of strings, or null to remove them");
        return Change.keep();
    }
}
