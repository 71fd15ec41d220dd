package io.mocplatform.testkit.faults;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * What each service answers when it throttles or fails, in its own protocol, so the SDK in a function classifies the
 * answer as AWS's own (throttling errors are retried with the SDK's throttling backoff, 5xx as server errors):
 * DynamoDB's JSON 1.0 {@code ThrottlingException}, S3's XML {@code SlowDown} (503), SQS's JSON
 * {@code RequestThrottled} with the {@code x-amzn-query-error} header its JSON protocol carries, SNS's query-XML
 * {@code Throttling}; and each one's internal error as a 500.
 */
public final class FaultResponses {

    private FaultResponses() {
    }

    /** The service's throttling answer. */
    public static CannedResponse throttling(AwsService service) {
        return switch (service) {
            case DYNAMODB -> json(400, "application/x-amz-json-1.0",
                    "com.amazonaws.dynamodb.v20120810#ThrottlingException",
                    "Rate of requests exceeds the allowed throughput.", Map.of());
            case S3 -> s3Xml(503, "SlowDown", "Please reduce your request rate.");
            case SQS -> json(400, "application/x-amz-json-1.0", "com.amazonaws.sqs#RequestThrottled",
                    "Rate exceeded", Map.of("x-amzn-query-error", "RequestThrottled;Sender"));
            case SNS -> queryXml(400, "Sender", "Throttling", "Rate exceeded");
        };
    }

    /** The service's internal server error. */
    public static CannedResponse serverError(AwsService service) {
        return switch (service) {
            case DYNAMODB -> json(500, "application/x-amz-json-1.0",
                    "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error", Map.of());
            case S3 -> s3Xml(500, "InternalError", "We encountered an internal error. Please try again.");
            case SQS -> json(500, "application/x-amz-json-1.0", "com.amazonaws.sqs#InternalError",
                    "An internal error occurred", Map.of("x-amzn-query-error", "InternalError;Receiver"));
            case SNS -> queryXml(500, "Receiver", "InternalError", "An internal service error occurred");
        };
    }

    private static CannedResponse json(int status, String contentType, String type, String message,
                                       Map<String, String> extraHeaders) {
        String requestId = UUID.randomUUID().toString();
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Content-Type", contentType);
        headers.put("x-amzn-RequestId", requestId);
        headers.putAll(extraHeaders);
        return new CannedResponse(status, headers, ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static CannedResponse s3Xml(int status, String code, String message) {
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>" + requestId + "</RequestId><HostId>fault-injector</HostId></Error>";
        return new CannedResponse(status, Map.of("Content-Type", "application/xml", "x-amz-request-id", requestId),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static CannedResponse queryXml(int status, String type, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        String body = "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type
                + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error><RequestId>"
                + requestId + "</RequestId></ErrorResponse>";
        return new CannedResponse(status, Map.of("Content-Type", "text/xml", "x-amzn-RequestId", requestId),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
