package io.mocplatform.imageapi.domain;

import io.mocplatform.model.image.ImageMetadata;

import java.util.ArrayList;
import java.util.List;

/**
 * A merge patch of the fields users may edit. Self-validating: values being set must satisfy the same rules as
 * at upload time. Moving an image to another album is a change of {@code albumId}; the table schema derives the
 * album index keys from it.
 */
public record ImagePatch(Change<String> title, Change<String> description, Change<List<String>> tags,
                         Change<String> albumId) {

    public ImagePatch {
        title = title == null ? Change.keep() : title;
        description = description == null ? Change.keep() : description;
        tags = tags == null ? Change.keep() : tags;
        albumId = albumId == null ? Change.keep() : albumId;
        List<String> violations = new ArrayList<>();
        if (title instanceof Change.SetTo<String> set) {
            ImageFields.checkTitle(set.value(), violations);
        }
        if (description instanceof Change.SetTo<String> set) {
            ImageFields.checkDescription(set.value(), violations);
        }
        if (tags instanceof Change.SetTo<List<String>> set) {
            ImageFields.checkTags(set.value(), violations);
        }
        if (albumId instanceof Change.SetTo<String> set) {
            ImageFields.checkAlbumId(set.value(), violations);
        }
        if (!violations.isEmpty()) {
            throw new ImageException.InvalidRequest("The patch is invalid.", violations);
        }
    }

    /** The image with this patch applied (version and timestamps untouched). */
    ImageMetadata applyTo(ImageMetadata image) {
        return image.toBuilder()
                .title(title.applyTo(image.title()))
                .description(description.applyTo(image.description()))
                .tags(tags.applyTo(image.tags()))
                .albumId(albumId.applyTo(image.albumId()))
                .build();
    }
}
