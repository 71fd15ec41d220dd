package io.mocplatform.devstack.gateway;

import java.nio.charset.StandardCharsets;

/**
 * The errors API Gateway (HTTP API) answers by itself, before or instead of a function, exactly as it sends them:
 * the status, {@code Content-Type: application/json} and a body of {@code {"message":"<reason phrase>"}} with no
 * spaces. These are not the platform's problem+json: only the functions answer that.
 */
public enum GatewayError {

    /** The JWT authorizer refused the request (it also sends {@code www-authenticate}). */
    UNAUTHORIZED(401, "Unauthorized"),
    /** No route matches the method and path. */
    NOT_FOUND(404, "Not Found"),
    /** The body is over the 10 MB payload quota. */
    REQUEST_ENTITY_TOO_LARGE(413, "Request Entity Too Large"),
    /** The route's token bucket ({@code $default} stage throttling) is empty. */
    TOO_MANY_REQUESTS(429, "Too Many Requests"),
    /**
     * The request line and header values are over the 10,240-byte quota. AWS documents the quota but not its answer;
     * the devstack answers the standard status for it in the gateway's shape rather than dropping the connection.
     */
    REQUEST_HEADER_FIELDS_TOO_LARGE(431, "Request Header Fields Too Large"),
    /** The function failed: an error, a failed start, or a response that is not a payload 2.0 response. */
    INTERNAL_SERVER_ERROR(500, "Internal Server Error"),
    /** The function did not answer in time. */
    SERVICE_UNAVAILABLE(503, "Service Unavailable");

    /** What API Gateway declares for its own error bodies. */
    public static final String CONTENT_TYPE = "application/json";

    private final int status;
    private final String message;

    GatewayError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    /** The exact body, e.g. {@code {"message":"Not Found"}}. */
    public byte[] body() {
        return ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
