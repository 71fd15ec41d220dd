package io.mocplatform.testkit.sns;

/** An SNS error response: HTTP status, the error code the SDK maps to an exception type, and a message. */
final class SnsError extends RuntimeException {

    private final int status;
    private final String code;
    private final String type;

    private SnsError(int status, String code, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.type = type;
    }

    static SnsError invalidParameter(String message) {
        return new SnsError(400, "InvalidParameter", "Sender", message);
    }

    static SnsError notFound(String message) {
        return new SnsError(404, "NotFound", "Sender", message);
    }

    static SnsError invalidAction(String action) {
        return new SnsError(400, "InvalidAction", "Sender", "The SNS stand-in does not implement " + action);
    }

    /** A failure of the stand-in itself (for example an SQS delivery that failed). */
    static SnsError internal(RuntimeException cause) {
        return new SnsError(500, "InternalError", "Receiver", cause.getClass().getSimpleName() + ": "
                + cause.getMessage());
    }

    /** What SNS answers when an account exceeds its publish rate; the SDK's ThrottledException, retryable. */
    static SnsError throttled() {
        return new SnsError(429, "Throttled", "Sender", "Rate exceeded");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String type() {
        return type;
    }
}
