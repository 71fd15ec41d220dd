package io.mocplatform.imageapi.api;

import io.mocplatform.api.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ETags are the image's version in quotes ({@code "3"}); these parse the conditional request headers. */
final class EntityTags {

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*");

    private EntityTags() {
    }

    /** The ETag of a version. */
    static String of(Long version) {
        return "\"" + version + "\"";
    }

    /** If-None-Match (weak comparison): whether the client's copy is current, so 304 is the answer. */
    static boolean noneMatchHits(String ifNoneMatch, Long version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.trim().equals("*")) {
            return true;
        }
        return parse(ifNoneMatch).stream().anyMatch(tag -> tag.value().equals(String.valueOf(version)));
    }

    /**
     * If-Match (strong comparison) as the version the client expects: empty for {@code *} (any stored version).
     * A missing header is a 428; a header naming no version we could have issued is a 412.
     */
    static Optional<Long> requiredIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Send If-Match with the ETag you last read, so concurrent edits cannot overwrite each other.");
        }
        return optionalIfMatch(ifMatch);
    }

    /** As {@link #requiredIfMatch}, for requests where the header may be left out (null: no condition). */
    static Optional<Long> optionalIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return Optional.empty();
        }
        List<Tag> tags = parse(ifMatch);
        if (tags.size() != 1 || tags.get(0).weak() || !tags.get(0).value().matches("\\d{1,18}")) {
            throw ProblemException.preconditionFailed(
                    "If-Match must be one ETag this API issued, such as \"3\"; it does not match the image.");
        }
        return Optional.of(Long.parseLong(tags.get(0).value()));
    }

    private record Tag(boolean weak, String value) {
    }

    private static List<Tag> parse(String header) {
        List<Tag> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            Matcher m = TAG.matcher(part);
            if (m.matches()) {
                tags.add(new Tag(m.group(1) != null, m.group(2)));
            }
        }
        return tags;
    }
}
