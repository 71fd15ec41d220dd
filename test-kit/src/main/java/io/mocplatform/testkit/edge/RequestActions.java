package io.mocplatform.testkit.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.testkit.iam.AccessRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What IAM checks for a request: the action and resource ARN of each permission it needs (the service
 * authorization reference's mapping), with the condition keys the request carries.
 *
 * <ul>
 *   <li>DynamoDB: {@code X-Amz-Target} names the action, {@code TableName} (+ {@code /index/IndexName}) the
 *   resource; batch and transaction calls need their action on every table they touch (a transaction's items
 *   each their own: PutItem, UpdateItem, DeleteItem, ConditionCheckItem, GetItem).</li>
 *   <li>SQS (JSON {@code AmazonSQS.*} or query {@code Action=}): the queue of {@code QueueUrl} (or of the path, or
 *   {@code QueueName}); a batch call needs the single action ({@code SendMessageBatch} → {@code sqs:SendMessage}).</li>
 *   <li>S3 (path-style): object GET/HEAD → {@code s3:GetObject}, PUT → {@code s3:PutObject} (a copy also
 *   {@code s3:GetObject} on its source), DELETE → {@code s3:DeleteObject}, multipart parts → {@code s3:PutObject};
 *   bucket GET/HEAD → {@code s3:ListBucket} with {@code s3:prefix}; multi-object delete → {@code s3:DeleteObject} per
 *   key.</li>
 *   <li>SNS: the query {@code Action} on {@code TopicArn} (or {@code TargetArn}).</li>
 *   <li>SSM: {@code AmazonSSM.*} on the parameter ARN of {@code Name} (each of {@code Names}).</li>
 * </ul>
 *
 * Every request also carries {@code aws:SecureTransport=true}: locally the edge speaks plain HTTP, but it stands
 * for AWS endpoints that functions reach over TLS.
 */
final class RequestActions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DELETE_KEY = Pattern.compile("<Key>(.*?)</Key>", Pattern.DOTALL);
    private static final Map<String, String> SQS_BATCHES = Map.of("SendMessageBatch", "SendMessage",
            "DeleteMessageBatch", "DeleteMessage", "ChangeMessageVisibilityBatch", "ChangeMessageVisibility");

    private final String region;
    private final String account;

    RequestActions(String region, String account) {
        this.region = region;
        this.account = account;
    }

    List<AccessRequest> of(EdgeRequest request) throws IOException {
        return switch (request.service()) {
            case DYNAMODB -> dynamoDb(request);
            case SQS -> sqs(request);
            case S3 -> s3(request);
            case SNS -> sns(request);
            case SSM -> ssm(request);
        };
    }

    private List<AccessRequest> dynamoDb(EdgeRequest request) throws IOException {
        String operation = operation(request, "DynamoDB_20120810.");
        JsonNode body = jsonBody(request);
        List<AccessRequest> needed = new ArrayList<>();
        switch (operation) {
            case "BatchGetItem", "BatchWriteItem" -> body.path("RequestItems").fieldNames()
                    .forEachRemaining(table -> needed.add(access("dynamodb:" + operation, table(table))));
            case "TransactWriteItems", "TransactGetItems" -> {
                for (JsonNode item : body.path("TransactItems")) {
                    item.properties().forEach(entry -> {
                        String action = switch (entry.getKey()) {
                            case "Put" -> "PutItem";
                            case "Update" -> "UpdateItem";
                            case "Delete" -> "DeleteItem";
                            case "ConditionCheck" -> "ConditionCheckItem";
                            default -> "GetItem";
                        };
                        needed.add(access("dynamodb:" + action, table(entry.getValue().path("TableName").asText())));
                    });
                }
            }
            default -> {
                String table = body.path("TableName").asText("");
                String resource = table.isEmpty() ? "ListTables".equals(operation)
                        ? "arn:aws:dynamodb:" + region + ":" + account + ":table/*" : "*" : table(table);
                String index = body.path("IndexName").asText("");
                needed.add(access("dynamodb:" + operation, index.isEmpty() ? resource : resource + "/index/" + index));
            }
        }
        return needed;
    }

    private List<AccessRequest> sqs(EdgeRequest request) throws IOException {
        String operation;
        String queueUrl;
        String queueName;
        if (request.header("X-Amz-Target").isPresent()) {
            operation = operation(request, "AmazonSQS.");
            JsonNode body = jsonBody(request);
            queueUrl = body.path("QueueUrl").asText("");
            queueName = body.path("QueueName").asText("");
        } else {
            Map<String, List<String>> form = form(request);
            operation = first(form, "Action");
            queueUrl = first(form, "QueueUrl");
            queueName = first(form, "QueueName");
        }
        if (queueName.isEmpty()) {
            // Query requests may also name the queue by posting to its URL.
            String path = queueUrl.isEmpty() ? request.rawPath() : java.net.URI.create(queueUrl).getPath();
            queueName = path.substring(path.lastIndexOf('/') + 1);
        }
        String action = "sqs:" + SQS_BATCHES.getOrDefault(operation, operation);
        String resource = queueName.isEmpty() ? "*" : "arn:aws:sqs:" + region + ":" + account + ":" + queueName;
        return List.of(access(action, resource));
    }

    private List<AccessRequest> sns(EdgeRequest request) throws IOException {
        Map<String, List<String>> form = form(request);
        String operation = first(form, "Action");
        String topic = first(form, "TopicArn");
        if (topic.isEmpty()) {
            topic = first(form, "TargetArn");
        }
        if (topic.isEmpty() && "CreateTopic".equals(operation)) {
            topic = "arn:aws:sns:" + region + ":" + account + ":" + first(form, "Name");
        }
        String subscription = first(form, "SubscriptionArn");
        if (topic.isEmpty() && !subscription.isEmpty()) {
            topic = subscription.substring(0, subscription.lastIndexOf(':'));
        }
        return List.of(access("sns:" + operation, topic.isEmpty() ? "*" : topic));
    }

    private List<AccessRequest> ssm(EdgeRequest request) throws IOException {
        String operation = operation(request, "AmazonSSM.");
        JsonNode body = jsonBody(request);
        List<AccessRequest> needed = new ArrayList<>();
        if (body.has("Names")) {
            body.path("Names").forEach(name -> needed.add(access("ssm:" + operation, parameter(name.asText()))));
        } else {
            String name = body.path("Name").asText("");
            needed.add(access("ssm:" + operation, name.isEmpty() ? "*" : parameter(name)));
        }
        return needed;
    }

    private List<AccessRequest> s3(EdgeRequest request) throws IOException {
        String path = request.rawPath();
        String[] parts = path.length() > 1 ? path.substring(1).split("/", 2) : new String[0];
        if (parts.length == 0 || parts[0].isEmpty()) {
            return List.of(access("s3:ListAllMyBuckets", "*"));
        }
        String bucket = FormEncoding.decodePath(parts[0]);
        String key = parts.length > 1 ? FormEncoding.decodePath(parts[1]) : "";
        Map<String, List<String>> query = request.queryParameters();
        String method = request.method();
        if (key.isEmpty()) {
            return s3Bucket(request, method, bucket, query);
        }
        String object = "arn:aws:s3:::" + bucket + "/" + key;
        if (query.containsKey("uploadId") && "DELETE".equals(method)) {
            return List.of(access("s3:AbortMultipartUpload", object));
        }
        if (query.containsKey("uploadId") && "GET".equals(method)) {
            return List.of(access("s3:ListMultipartUploadParts", object));
        }
        return switch (method) {
            case "GET", "HEAD" -> List.of(access(query.containsKey("tagging") ? "s3:GetObjectTagging"
                    : "s3:GetObject", object));
            case "PUT", "POST" -> {
                List<AccessRequest> needed = new ArrayList<>();
                needed.add(access(query.containsKey("tagging") ? "s3:PutObjectTagging" : "s3:PutObject", object));
                request.header("x-amz-copy-source").ifPresent(source -> {
                    String decoded = FormEncoding.decodePath(source.startsWith("/") ? source.substring(1) : source);
                    int version = decoded.indexOf("?versionId=");
                    needed.add(access("s3:GetObject", "arn:aws:s3:::"
                            + (version < 0 ? decoded : decoded.substring(0, version))));
                });
                yield needed;
            }
            case "DELETE" -> List.of(access("s3:DeleteObject", object));
            default -> List.of(access("s3:" + method, object));
        };
    }

    private List<AccessRequest> s3Bucket(EdgeRequest request, String method, String bucket,
                                         Map<String, List<String>> query) throws IOException {
        String arn = "arn:aws:s3:::" + bucket;
        if ("POST".equals(method) && query.containsKey("delete")) {
            Set<AccessRequest> needed = new LinkedHashSet<>();
            Matcher keys = DELETE_KEY.matcher(new String(request.body().bytes(), StandardCharsets.UTF_8));
            while (keys.find()) {
                needed.add(access("s3:DeleteObject", arn + "/" + xmlUnescape(keys.group(1))));
            }
            return List.copyOf(needed);
        }
        String subresource = query.keySet().stream().filter(SUBRESOURCES::contains).findFirst().orElse("");
        return switch (method) {
            case "GET", "HEAD" -> switch (subresource) {
                case "" -> {
                    List<String> prefix = query.get("prefix");
                    yield List.of(prefix == null ? access("s3:ListBucket", arn)
                            : new AccessRequest("s3:ListBucket", arn, Map.of("s3:prefix", prefix.getFirst(),
                            "aws:securetransport", "true")));
                }
                case "versions" -> List.of(access("s3:ListBucketVersions", arn));
                case "uploads" -> List.of(access("s3:ListBucketMultipartUploads", arn));
                default -> List.of(access("s3:GetBucket" + capitalized(subresource), arn));
            };
            case "PUT" -> List.of(access(subresource.isEmpty() ? "s3:CreateBucket"
                    : "s3:PutBucket" + capitalized(subresource), arn));
            case "DELETE" -> List.of(access(subresource.isEmpty() ? "s3:DeleteBucket"
                    : "s3:DeleteBucket" + capitalized(subresource), arn));
            default -> List.of(access("s3:" + method + "Bucket", arn));
        };
    }

    private static final Set<String> SUBRESOURCES = Set.of("acl", "cors", "lifecycle", "location", "logging",
            "notification", "policy", "tagging", "versioning", "website", "encryption", "versions", "uploads",
            "object-lock", "ownershipControls", "publicAccessBlock", "replication", "accelerate");

    private static String capitalized(String subresource) {
        return Character.toUpperCase(subresource.charAt(0)) + subresource.substring(1).replace("-", "");
    }

    private String table(String name) {
        return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
    }

    private String parameter(String name) {
        return "arn:aws:ssm:" + region + ":" + account + ":parameter" + (name.startsWith("/") ? name : "/" + name);
    }

    private static AccessRequest access(String action, String resource) {
        return new AccessRequest(action, resource, Map.of("aws:securetransport", "true"));
    }

    private static String operation(EdgeRequest request, String prefix) {
        String target = request.header("X-Amz-Target").orElse("");
        return target.startsWith(prefix) ? target.substring(prefix.length()) : target;
    }

    private static JsonNode jsonBody(EdgeRequest request) throws IOException {
        byte[] body = request.body().bytes();
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static Map<String, List<String>> form(EdgeRequest request) throws IOException {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>(request.queryParameters());
        parameters.putAll(FormEncoding.decode(new String(request.body().bytes(), StandardCharsets.UTF_8)));
        return parameters;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private static String xmlUnescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
