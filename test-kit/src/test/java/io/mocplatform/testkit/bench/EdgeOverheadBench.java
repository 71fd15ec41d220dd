package io.mocplatform.testkit.bench;

import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEndpoints;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.edge.AwsService;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the AWS edge costs per request: the same SDK calls straight to the emulator, through the edge as the
 * administrator (signature check only) and as a function (signature and role check), interleaved in rounds so that
 * machine noise spreads over all three. A {@code main}, not a test; prints per-call p50/p99 and the ratios.
 *
 * <pre>./mvnw -B -q -o -pl test-kit -am test-compile exec:java ... (see test-kit/README.md)</pre>
 */
public final class EdgeOverheadBench {

    /** A staged upload: the one prefix of the images bucket the image-api role may read. */
    private static final String OBJECT_KEY = "uploads/u/i.png";

    private EdgeOverheadBench() {
    }

    public static void main(String[] args) {
        // The emulators' threads are not daemons: exit explicitly, with a failure status when the bench failed.
        try {
            run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() {
        int rounds = Integer.getInteger("bench.rounds", 5);
        int calls = Integer.getInteger("bench.calls", 400);
        try (LocalAws aws = LocalAws.startInMemory()) {
            LocalAwsEnvironment env = aws.newIsolatedEnvironment();
            LocalAwsEndpoints admin = env.endpoints();
            LocalAwsEndpoints direct = new LocalAwsEndpoints(aws.edge().emulator(AwsService.DYNAMODB),
                    aws.edge().emulator(AwsService.SQS), aws.edge().emulator(AwsService.S3),
                    aws.edge().emulator(AwsService.SNS), aws.edge().emulator(AwsService.SSM), admin.region(),
                    admin.accessKeyId(), admin.secretAccessKey());
            String table = env.resources().imagesTable();
            String bucket = env.resources().imagesBucket();
            aws.clients().s3().putObject(b -> b.bucket(bucket).key(OBJECT_KEY), RequestBody.fromBytes(new byte[2048]));

            Map<String, LocalAwsEndpoints> modes = new LinkedHashMap<>();
            modes.put("emulator directly", direct);
            modes.put("edge, administrator", admin);
            modes.put("edge, image-api role", env.endpointsFor("image-api"));
            Map<String, DynamoDbClient> dynamo = new LinkedHashMap<>();
            Map<String, S3Client> s3 = new LinkedHashMap<>();
            modes.forEach((mode, endpoints) -> {
                dynamo.put(mode, endpoints.newDynamoDbClient());
                s3.put(mode, endpoints.newS3Client());
            });
            Map<String, List<Long>> getItem = new LinkedHashMap<>();
            Map<String, List<Long>> getObject = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                for (String mode : modes.keySet()) {
                    boolean warmUp = round == 0;
                    List<Long> items = time(calls, () -> dynamo.get(mode).getItem(b -> b.tableName(table)
                            .key(Map.of("PK", AttributeValue.fromS("IMAGE#img_1"), "SK",
                                    AttributeValue.fromS("META")))).hasItem());
                    List<Long> objects = time(calls, () -> s3.get(mode).getObjectAsBytes(b -> b.bucket(bucket)
                            .key(OBJECT_KEY)).asByteArray().length);
                    if (!warmUp) {
                        getItem.computeIfAbsent(mode, m -> new ArrayList<>()).addAll(items);
                        getObject.computeIfAbsent(mode, m -> new ArrayList<>()).addAll(objects);
                    }
                }
            }
            report("DynamoDB GetItem", getItem);
            report("S3 GetObject 2 KiB", getObject);
            dynamo.values().forEach(DynamoDbClient::close);
            s3.values().forEach(S3Client::close);
        }
    }

    private static List<Long> time(int calls, Supplier<Object> call) {
        List<Long> nanos = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            long begin = System.nanoTime();
            call.get();
            nanos.add(System.nanoTime() - begin);
        }
        return nanos;
    }

    private static void report(String call, Map<String, List<Long>> byMode) {
        double[] base = null;
        for (var entry : byMode.entrySet()) {
            long[] sorted = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            double p50 = sorted[sorted.length / 2] / 1e6;
            double p99 = sorted[(int) (sorted.length * 0.99)] / 1e6;
            if (base == null) {
                base = new double[] {p50, p99};
            }
            System.out.printf("%-20s %-22s p50 %6.3f ms  p99 %6.3f ms  (+%.3f ms / +%.3f ms)  %d calls%n", call,
                    entry.getKey(), p50, p99, p50 - base[0], p99 - base[1], sorted.length);
        }
    }
}
