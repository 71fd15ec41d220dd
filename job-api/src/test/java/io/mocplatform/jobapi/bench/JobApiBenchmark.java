package io.mocplatform.jobapi.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.mocplatform.function.lambda.LocalLambdaContext;
import io.mocplatform.jobapi.api.JobApiContexts;
import io.mocplatform.jobapi.api.JobApiHandler;
import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEnvironment;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Warm-path latency of the real handler (Micronaut, API Gateway v2 mapping, filters, validation, Enhanced Client,
 * problem mapping) against {@link PlainJobHandler} making the same DynamoDB/S3/SQS calls on the same SDK clients,
 * both against the in-process emulators, interleaved call by call in one JVM so machine noise hits both alike.
 * Not a test: run it with
 * <pre>./mvnw -B -q -o -pl job-api -Pbench test-compile exec:exec</pre>
 * (optional {@code -Dbench.iterations=2000}).
 */
public final class JobApiBenchmark {

    private static final String OWNER = "bench-user";
    private static final String DRAWING_ID = "drw_benchbenchbenchbench";

    private JobApiBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("com.amazonaws.xray.strategy.contextMissingStrategy", "IGNORE_ERROR");
        int iterations = Integer.getInteger("bench.iterations", 2000);
        int warmup = Integer.getInteger("bench.warmup", 1000);
        try (LocalAws aws = LocalAws.startInMemory()) {
            LocalAwsEnvironment env = aws.environment();
            aws.clients().s3().putObject(r -> r.bucket(env.resources().drawingsBucket())
                    .key("drawings/" + OWNER + "/" + DRAWING_ID + ".pdf"), RequestBody.fromString("%PDF-1.7"));
            ApplicationContext context = JobApiContexts.start(env, env.jobsQueueUrl());
            try (JobApiHandler framework = new JobApiHandler(context)) {
                // Same SDK clients (and interceptors) for both: the difference is what each handler adds.
                PlainJobHandler plain = new PlainJobHandler(context.getBean(DynamoDbClient.class),
                        context.getBean(S3Client.class), context.getBean(SqsClient.class),
                        env.resources().jobsTable(), env.resources().drawingsBucket(), env.jobsQueueUrl());
                String jobId = submit(framework).getHeaders().get("Location").substring("/status/".length());

                run("warm-up", warmup, framework, plain, jobId, false);
                System.out.println(aws.startupTimes());
                System.out.printf(Locale.ROOT, "%d measured calls per handler and route, interleaved, after %d"
                        + " warm-up rounds%n", iterations, warmup);
                run("measured", iterations, framework, plain, jobId, true);
            }
        }
        // Some emulator threads are not daemons and outlive close(); the run is over, so end the JVM.
        System.exit(0);
    }

    private static void run(String phase, int iterations, JobApiHandler framework, PlainJobHandler plain,
                            String jobId, boolean report) {
        int submits = iterations / 4;
        long[][] status = new long[2][iterations];
        long[][] submit = new long[2][submits];
        APIGatewayV2HTTPEvent statusEvent = event("GET", "/status/" + jobId, null);
        for (int i = 0; i < iterations; i++) {
            // Alternate which handler goes first so neither always meets the colder emulator.
            pair(framework, plain, statusEvent, 200, i % 2 == 0, status, i);
            if (i % 4 == 0 && i / 4 < submits) {
                pair(framework, plain, event("POST", "/process-drawing", "{\"drawing_id\":\"" + DRAWING_ID + "\"}"),
                        202, (i / 4) % 2 == 0, submit, i / 4);
            }
        }
        if (report) {
            report("GET /status/{job_id}", status);
            report("POST /process-drawing", submit);
        } else {
            System.out.println(phase + " done");
        }
    }

    /** Times both handlers on the same event; row 0 is the job API, row 1 the plain handler. */
    private static void pair(JobApiHandler framework, PlainJobHandler plain, APIGatewayV2HTTPEvent event,
                             int expected, boolean frameworkFirst, long[][] samples, int index) {
        if (frameworkFirst) {
            samples[0][index] = time(framework, event, expected);
            samples[1][index] = time(plain, event, expected);
        } else {
            samples[1][index] = time(plain, event, expected);
            samples[0][index] = time(framework, event, expected);
        }
    }

    private static void report(String route, long[][] samples) {
        long[] framework = samples[0].clone();
        long[] plain = samples[1].clone();
        Arrays.sort(framework);
        Arrays.sort(plain);
        double f50 = ms(percentile(framework, 50));
        double f99 = ms(percentile(framework, 99));
        double p50 = ms(percentile(plain, 50));
        double p99 = ms(percentile(plain, 99));
        System.out.printf(Locale.ROOT, "%-24s job-api handler  p50 %7.3f ms  p99 %7.3f ms  (n=%d)%n", route, f50, f99,
                framework.length);
        System.out.printf(Locale.ROOT, "%-24s plain handler    p50 %7.3f ms  p99 %7.3f ms%n", "", p50, p99);
        System.out.printf(Locale.ROOT, "%-24s ratio            p50 %7.2fx    p99 %7.2fx    overhead p50 %+.3f ms,"
                + " p99 %+.3f ms%n", "", f50 / p50, f99 / p99, f50 - p50, f99 - p99);
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static APIGatewayV2HTTPResponse submit(JobApiHandler handler) {
        return handler.handleRequest(event("POST", "/process-drawing", "{\"drawing_id\":\"" + DRAWING_ID + "\"}"),
                context());
    }

    private static long time(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                             APIGatewayV2HTTPEvent event, int expected) {
        Context context = context();
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        long elapsed = System.nanoTime() - start;
        if (response.getStatusCode() != expected) {
            throw new IllegalStateException(handler.getClass().getSimpleName() + " answered "
                    + response.getStatusCode() + ": " + response.getBody());
        }
        return elapsed;
    }

    private static Context context() {
        return LocalLambdaContext.of("job-api", Duration.ofSeconds(30));
    }

    private static APIGatewayV2HTTPEvent event(String method, String path, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("accept", "application/json");
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp("203.0.113.10").build();
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", OWNER)).build();
        var requestContext = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId("bench")
                .withStage("$default").withRouteKey("$default")
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build()).build();
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default").withRawPath(path)
                .withRawQueryString("").withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(requestContext).build();
    }
}
