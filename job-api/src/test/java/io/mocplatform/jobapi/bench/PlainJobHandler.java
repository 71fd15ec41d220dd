package io.mocplatform.jobapi.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline: a hand-written {@link RequestHandler} making the same DynamoDB, S3 and SQS calls as the job API for
 * GET /status and POST /process-drawing, with string-built JSON and no framework, validation or error mapping.
 */
final class PlainJobHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Pattern DRAWING_ID = Pattern.compile("\"drawing_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final SqsClient sqs;
    private final String table;
    private final String bucket;
    private final String queueUrl;
    private final SecureRandom random = new SecureRandom();

    PlainJobHandler(DynamoDbClient dynamoDb, S3Client s3, SqsClient sqs, String table, String bucket, String queueUrl) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.sqs = sqs;
        this.table = table;
        this.bucket = bucket;
        this.queueUrl = queueUrl;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String owner = event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
        String path = event.getRawPath();
        if (path.startsWith("/status/")) {
            return status(owner, path.substring("/status/".length()));
        }
        return submit(owner, event.getBody());
    }

    private APIGatewayV2HTTPResponse status(String owner, String jobId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("job_id", AttributeValue.fromS(jobId)))).item();
        if (item == null || item.isEmpty() || !owner.equals(item.get("owner").s())) {
            return response(404, "{\"status\":404}");
        }
        Map<String, AttributeValue> progress = item.get("progress").m();
        String body = "{\"job_id\":\"" + jobId + "\",\"status\":\"" + item.get("status").s() + "\",\"created_at\":\""
                + item.get("created_at").s() + "\",\"updated_at\":\"" + item.get("updated_at").s()
                + "\",\"stages_completed\":[],\"progress\":{\"pages_done\":" + progress.get("pages_done").n()
                + ",\"pages_total\":" + progress.get("pages_total").n() + "},\"attempts\":"
                + item.get("attempts").n() + ",\"correlation_id\":\"" + item.get("correlation_id").s() + "\"}";
        return response(200, body);
    }

    private APIGatewayV2HTTPResponse submit(String owner, String body) {
        Matcher matcher = DRAWING_ID.matcher(body);
        if (!matcher.find()) {
            return response(400, "{\"status\":400}");
        }
        String drawingKey = "drawings/" + owner + "/" + matcher.group(1) + ".pdf";
        s3.headObject(r -> r.bucket(bucket).key(drawingKey));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String jobId = "job_" + now.toEpochMilli() + "_" + randomChars();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("job_id", AttributeValue.fromS(jobId));
        item.put("owner", AttributeValue.fromS(owner));
        item.put("status", AttributeValue.fromS("queued"));
        item.put("drawing_key", AttributeValue.fromS(drawingKey));
        item.put("created_at", AttributeValue.fromS(now.toString()));
        item.put("updated_at", AttributeValue.fromS(now.toString()));
        item.put("attempts", AttributeValue.fromN("0"));
        item.put("version", AttributeValue.fromN("1"));
        dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(job_id)"));
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"schema\":1,\"job_id\":\"" + jobId
                + "\",\"drawing_key\":\"" + drawingKey + "\",\"owner\":\"" + owner + "\",\"requested_at\":\"" + now
                + "\"}").messageAttributes(Map.of("job_id", MessageAttributeValue.builder().dataType("String")
                .stringValue(jobId).build())));
        APIGatewayV2HTTPResponse response = response(202, "{\"job_id\":\"" + jobId + "\",\"status\":\"queued\"}");
        response.getHeaders().put("Location", "/status/" + jobId);
        return response;
    }

    private String randomChars() {
        char[] chars = new char[10];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    private static APIGatewayV2HTTPResponse response(int status, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }
}
