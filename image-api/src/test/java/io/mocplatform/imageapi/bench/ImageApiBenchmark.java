package io.mocplatform.imageapi.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.function.lambda.LocalLambdaContext;
import io.mocplatform.testkit.api.ApiGatewayEvents;
import io.mocplatform.imageapi.support.ImageApiHarness;
import io.mocplatform.model.image.ImageKeys;
import io.mocplatform.model.image.ImageMetadata;
import io.mocplatform.jobstore.dynamodb.ImageTable;
import io.mocplatform.testkit.LocalAws;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Warm-path cost of {@code GET /images/{id}} through the real handler (API Gateway v2 event → Micronaut routing,
 * filter, controller, domain, Enhanced Client → DynamoDB Local → JSON) against a plain {@link RequestHandler}
 * making the same consistent Enhanced Client read and writing the same JSON, in one JVM, interleaved in rounds so
 * both see the same machine load. Not a test: run it with
 * <pre>
 * ./mvnw -B -q -o -Pbench -pl image-api test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.mocplatform.imageapi.bench.ImageApiBenchmark [-Dexec.args="2000 5000"]
 * </pre>
 * Arguments: warm-up calls per handler, measured calls per handler.
 */
public final class ImageApiBenchmark {

    private ImageApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        try (LocalAws aws = LocalAws.startInMemory(); ImageApiHarness api = new ImageApiHarness(aws.environment())) {
            String imageId = api.activeImage("bench", Map.of("title", "Benchmark", "album_id", "bench"));
            ApiGatewayEvents.Request request = api.as("bench");
            APIGatewayV2HTTPEvent event = request.event("GET", "/images/" + imageId, null);
            Context context = LocalLambdaContext.of("image-api", Duration.ofMinutes(15));
            var plain = new PlainGetImageHandler(aws.clients().dynamoDbEnhanced(), aws.environment().resources().imagesTable());
            var handler = api.events();

            Runnable viaMicronaut = () -> require(handler.send(event).status());
            Runnable viaPlain = () -> require(plain.handleRequest(event, context).getStatusCode());
            for (int i = 0; i < warmup; i++) {
                viaMicronaut.run();
                viaPlain.run();
            }
            long[] micronaut = new long[measured];
            long[] baseline = new long[measured];
            for (int i = 0; i < measured; i++) {
                micronaut[i] = time(viaMicronaut);
                baseline[i] = time(viaPlain);
            }
            report("plain RequestHandler (baseline)", baseline, null);
            report("ImageApiHandler GET /images/{id}", micronaut, baseline);
        }
    }

    private static void require(int status) {
        if (status != 200) {
            throw new IllegalStateException("expected 200, got " + status);
        }
    }

    private static long time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static void report(String name, long[] nanos, long[] baseline) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = percentile(sorted, 0.50);
        double p99 = percentile(sorted, 0.99);
        String line = "%-36s n=%d  p50=%.3f ms  p99=%.3f ms".formatted(name, nanos.length, p50, p99);
        if (baseline != null) {
            long[] base = baseline.clone();
            Arrays.sort(base);
            line += "  ratio p50=%.2fx p99=%.2fx  overhead p50=%.3f ms".formatted(p50 / percentile(base, 0.50),
                    p99 / percentile(base, 0.99), p50 - percentile(base, 0.50));
        }
        System.out.println(line);
    }

    private static double percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1_000_000.0;
    }

    /** The same read with nothing around it: the floor a framework-free function would pay. */
    static final class PlainGetImageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        private final DynamoDbTable<ImageMetadata> table;
        private final ObjectMapper json = new ObjectMapper();

        PlainGetImageHandler(DynamoDbEnhancedClient dynamoDb, String tableName) {
            this.table = dynamoDb.table(tableName, ImageTable.SCHEMA);
        }

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            String sub = event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
            String imageId = event.getRawPath().substring("/images/".length());
            ImageMetadata image = table.getItem(r -> r.key(Key.builder().partitionValue(ImageKeys.pk(imageId))
                    .sortValue(ImageKeys.METADATA).build()).consistentRead(true));
            if (image == null || !image.owner().equals(sub)) {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("image_id", image.imageId());
            body.put("status", image.status().wireName());
            body.put("filename", image.filename());
            body.put("content_type", image.contentType());
            body.put("bytes", image.bytes());
            body.put("width", image.width());
            body.put("height", image.height());
            body.put("sha256", image.sha256());
            body.put("title", image.title());
            body.put("tags", image.tags());
            body.put("album_id", image.albumId());
            body.put("uploaded_at", image.uploadedAt().toString());
            body.put("updated_at", image.updatedAt().toString());
            body.put("etag", "\"" + image.version() + "\"");
            try {
                return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                        .withHeaders(Map.of("Content-Type", "application/json", "ETag", "\"" + image.version() + "\""))
                        .withBody(json.writeValueAsString(body)).build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
