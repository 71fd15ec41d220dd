package io.mocplatform.imageapi.domain;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/** The rules for the fields users may write, shared by upload requests and merge patches. */
final class ImageFields {

    static final int MAX_FILENAME = 255;
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;
    /** Album ids end up in index keys and cursors; keep them to a plain, URL-safe alphabet. */
    static final Pattern ALBUM_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ImageFields() {
    }

    static void checkFilename(String filename, List<String> violations) {
        if (filename == null || filename.isBlank()) {
            violations.add("filename: required");
        } else if (filename.length() > MAX_FILENAME) {
            violations.add("filename: at most " + MAX_FILENAME + " characters");
        } else if (hasControlCharacters(filename) || filename.contains("/") || filename.contains("\\")) {
            violations.add("filename: must be a plain file name without path separators or control characters");
        }
    }

    static void checkTitle(String title, List<String> violations) {
        checkText("title", title, MAX_TITLE, violations);
    }

    static void checkDescription(String description, List<String> violations) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            violations.add("description: at most " + MAX_DESCRIPTION + " characters");
        }
    }

    static void checkTags(List<String> tags, List<String> violations) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_TAGS) {
            violations.add("tags: at most " + MAX_TAGS + " tags");
        }
        var seen = new HashSet<String>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank() || tag.length() > MAX_TAG || hasControlCharacters(tag)) {
                violations.add("tags: each tag is 1-" + MAX_TAG + " printable characters");
                return;
            }
            if (!seen.add(tag)) {
                violations.add("tags: '" + tag + "' appears more than once");
                return;
            }
        }
    }

    static void checkAlbumId(String albumId, List<String> violations) {
        if (albumId != null && !ALBUM_ID.matcher(albumId).matches()) {
            violations.add("album_id: 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    private static void checkText(String field, String value, int max, List<String> violations) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            violations.add(field + ": must not be blank (send null to remove it)");
        } else if (value.length() > max) {
            violations.add(field + ": at most " + max + " characters");
        } else if (hasControlCharacters(value)) {
            violations.add(field + ": must not contain control characters");
        }
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
