package io.mocplatform.testkit.edge;

import io.mocplatform.testkit.iam.AccessRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Refusals in each service's own protocol, as AWS writes them: DynamoDB and SSM as AWS JSON errors (HTTP 400 with
 * {@code __type}), SQS in JSON (with {@code x-amzn-query-error}, what SDK v2 reads) or query XML, SNS in query
 * XML, S3 as its {@code <Error>} document with 403.
 */
final class AwsErrors {

    private static final String SQS_XMLNS = "http://queue.amazonaws.com/doc/2012-11-05/";
    private static final String SNS_XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";

    private AwsErrors() {
    }

    /** The role's policy does not allow {@code denied}. */
    static EdgeResponse accessDenied(EdgeRequest request, Caller.FunctionRole role, AccessRequest denied,
                                     boolean explicitDeny) {
        AwsService service = request.service();
        // Each service spells the action its own way in the message: SQS in lower case, SNS with "SNS:".
        String action = switch (service) {
            case SQS -> denied.action().toLowerCase(Locale.ROOT);
            case SNS -> "SNS:" + denied.action().substring(denied.action().indexOf(':') + 1);
            default -> denied.action();
        };
        String resource = service == AwsService.S3 ? "\"" + denied.resource() + "\"" : denied.resource();
        String message = "User: " + role.principalArn() + " is not authorized to perform: " + action
                + " on resource: " + resource + (explicitDeny ? " with an explicit deny in an identity-based policy"
                : " because no identity-based policy allows the " + action + " action");
        return switch (service) {
            case DYNAMODB -> json(400, "application/x-amz-json-1.0",
                    "com.amazon.coral.service#AccessDeniedException", "Message", message, null);
            case SSM -> json(400, "application/x-amz-json-1.1", "AccessDeniedException", "message", message, null);
            case SQS -> sqs(request, 403, "AccessDenied", "com.amazon.coral.service#AccessDeniedException",
                    message);
            case SNS -> queryXml(403, SNS_XMLNS, "AuthorizationError", message);
            case S3 -> s3(403, "AccessDenied", message);
        };
    }

    /** The request is not signed, or not signed right. */
    static EdgeResponse refused(EdgeRequest request, SigV4.Refused refused) {
        String message = refused.getMessage();
        return switch (request.service()) {
            case DYNAMODB -> json(400, "application/x-amz-json-1.0",
                    "com.amazon.coral.service#" + jsonCode(refused.failure()), "message", message, null);
            case SSM -> json(400, "application/x-amz-json-1.1", jsonCode(refused.failure()), "message", message,
                    null);
            case SQS -> sqs(request, queryStatus(refused.failure()), queryCode(refused.failure()),
                    "com.amazon.coral.service#" + jsonCode(refused.failure()), message);
            case SNS -> queryXml(queryStatus(refused.failure()), SNS_XMLNS, queryCode(refused.failure()), message);
            case S3 -> switch (refused.failure()) {
                case MISSING -> s3(403, "AccessDenied", "Access Denied");
                case MALFORMED, WRONG_SERVICE -> s3(400, request.header("Authorization").isPresent()
                        ? "AuthorizationHeaderMalformed" : "AuthorizationQueryParametersError", message);
                case EXPIRED -> request.header("Authorization").isPresent()
                        ? s3(403, "RequestTimeTooSkewed", "The difference between the request time and the "
                        + "current time is too large.") : s3(403, "AccessDenied", message);
                case MISMATCH -> s3(403, "SignatureDoesNotMatch", message);
            };
        };
    }

    private static String jsonCode(SigV4.Failure failure) {
        return switch (failure) {
            case MISSING -> "MissingAuthenticationTokenException";
            case MALFORMED -> "IncompleteSignatureException";
            case WRONG_SERVICE, EXPIRED, MISMATCH -> "InvalidSignatureException";
        };
    }

    private static String queryCode(SigV4.Failure failure) {
        return switch (failure) {
            case MISSING -> "MissingAuthenticationToken";
            case MALFORMED -> "IncompleteSignature";
            case EXPIRED -> "RequestExpired";
            case WRONG_SERVICE, MISMATCH -> "SignatureDoesNotMatch";
        };
    }

    private static int queryStatus(SigV4.Failure failure) {
        return failure == SigV4.Failure.MALFORMED || failure == SigV4.Failure.EXPIRED ? 400 : 403;
    }

    private static EdgeResponse sqs(EdgeRequest request, int status, String queryCode, String jsonType,
                                    String message) {
        if (request.header("X-Amz-Target").isPresent()) {
            return json(status, "application/x-amz-json-1.0", jsonType, "message", message,
                    queryCode + ";Sender");
        }
        return queryXml(status, SQS_XMLNS, queryCode, message);
    }

    private static EdgeResponse json(int status, String contentType, String type, String messageField,
                                     String message, String queryError) {
        String body = "{\"__type\":\"" + jsonEscape(type) + "\",\"" + messageField + "\":\"" + jsonEscape(message)
                + "\"}";
        return respond(status, contentType, body, queryError);
    }

    private static EdgeResponse queryXml(int status, String xmlns, String code, String message) {
        String body = "<?xml version=\"1.0\"?><ErrorResponse xmlns=\"" + xmlns + "\"><Error><Type>Sender</Type>"
                + "<Code>" + code + "</Code><Message>" + xmlEscape(message) + "</Message><Detail/></Error>"
                + "<RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
        return respond(status, "text/xml", body, null);
    }

    private static EdgeResponse s3(int status, String code, String message) {
        String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + xmlEscape(message) + "</Message><RequestId>" + requestId + "</RequestId><HostId>local-edge</HostId>"
                + "</Error>";
        return respond(status, "application/xml", body, null);
    }

    private static EdgeResponse respond(int status, String contentType, String body, String queryError) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        EdgeResponse response = EdgeResponse.of(status, contentType, bytes);
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>(response.headers());
        headers.put("x-amzn-RequestId", List.of(UUID.randomUUID().toString()));
        if (queryError != null) {
            headers.put("x-amzn-query-error", List.of(queryError));
        }
        return new EdgeResponse(status, headers, bytes.length, response.body());
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
