package io.mocplatform.imageapi.domain;

/**
 * What the image service refuses to do, in domain terms. The API edge translates each kind into one problem
 * answer; nothing else leaves the domain as an error.
 */
public abstract sealed class ImageException extends RuntimeException
        permits ImageException.NotFound, ImageException.InvalidRequest, ImageException.UnsupportedType,
        ImageException.TooLarge, ImageException.UploadRejected, ImageException.StaleVersion {

    private ImageException(String message) {
        super(message);
    }

    /** The image does not exist, or belongs to someone else (the two are indistinguishable on purpose). */
    public static final class NotFound extends ImageException {
        public NotFound(String imageId) {
            super("No image " + imageId + " was found.");
        }
    }

    /** The request's fields break the rules; every violation is listed. */
    public static final class InvalidRequest extends ImageException {
        private final java.util.List<String> violations;

        public InvalidRequest(String message, java.util.List<String> violations) {
            super(message);
            this.violations = java.util.List.copyOf(violations);
        }

        public java.util.List<String> violations() {
            return violations;
        }
    }

    /** The declared content type is not one the service accepts. */
    public static final class UnsupportedType extends ImageException {
        public UnsupportedType(String contentType, java.util.Collection<String> allowed) {
            super("Content type '" + contentType + "' is not accepted; use one of " + String.join(", ", allowed) + ".");
        }
    }

    /** The declared size is over the configured limit. */
    public static final class TooLarge extends ImageException {
        public TooLarge(long declared, long limit) {
            super("An image may have at most " + limit + " bytes; " + declared + " were declared.");
        }
    }

    /** The uploaded object failed verification; it has been removed and the image stays pending. */
    public static final class UploadRejected extends ImageException {
        private final RejectionReason reason;

        public UploadRejected(RejectionReason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public RejectionReason reason() {
            return reason;
        }
    }

    /** The client's version (If-Match) is not the stored one: someone else changed the image first. */
    public static final class StaleVersion extends ImageException {
        private final Long currentVersion;

        public StaleVersion(Long currentVersion) {
            super("The image has changed since you read it; fetch it again and reapply your change.");
            this.currentVersion = currentVersion;
        }

        /** The stored version, when it is known. */
        public Long currentVersion() {
            return currentVersion;
        }
    }
}
