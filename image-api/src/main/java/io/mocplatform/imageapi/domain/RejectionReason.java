package io.mocplatform.imageapi.domain;

/** Why an uploaded object was not accepted as the image it claimed to be. */
public enum RejectionReason {
    /** Nothing was uploaded under the image's key. */
    UPLOAD_MISSING("upload_missing"),
    /** The upload was replaced while it was being verified; completing again verifies the new bytes. */
    UPLOAD_CHANGED("upload_changed"),
    /** The object's size differs from the size declared when the upload was requested. */
    SIZE_MISMATCH("size_mismatch"),
    /** The object's leading bytes are not those of the declared type. */
    CONTENT_MISMATCH("content_mismatch"),
    /** The object starts like the declared type but stops before the format's end. */
    TRUNCATED("image_truncated"),
    /** No width and height could be read from the object's headers. */
    DIMENSIONS_UNREADABLE("dimensions_unreadable"),
    /** Width, height or pixel count exceed the configured limits. */
    DIMENSIONS_TOO_LARGE("dimensions_too_large");

    private final String slug;

    RejectionReason(String slug) {
        this.slug = slug;
    }

    /** Stable identifier clients can switch on (the problem type's last segment). */
    public String slug() {
        return slug;
    }
}
