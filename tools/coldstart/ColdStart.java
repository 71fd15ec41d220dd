import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Cold start as Lambda's Java runtime sees it, minus the network: a fresh JVM loads the handler class, creates
 * it (for a Micronaut function that starts the application context), turns the event JSON into the handler's
 * event type, answers one event and turns the answer back into JSON. Then the process ends.
 *
 * <p>Like the runtime, it reads and writes the JSON with the {@link CustomPojoSerializer} the function ships, if
 * its classpath has one (micronaut-aws-lambda-events-serde registers one, which starts a second, small Micronaut
 * context), and with the runtime's own serializer otherwise. The baseline always gets the runtime's serializer,
 * as a plain function would.
 *
 * <p>Usage: {@code java -cp <function lib/*>:<this class> ColdStart HANDLER_CLASS EVENT_CLASS EVENT_JSON}; use
 * {@code ColdStart$PlainHandler} (API events) or {@code ColdStart$PlainSqsHandler} (SQS events) as HANDLER_CLASS for
 * the plain-Java baseline, which does the same deserialisation and answers without a framework. Prints the status,
 * the time from JVM start and its phases: JVM start to {@code main}, creating the handler (for a Micronaut function:
 * the application context) and the first event (read, handled, written). Run through tools/coldstart/measure.sh,
 * which pins the CPU and repeats with hyperfine, or tools/coldstart/profile.sh.
 *
 * <p>With {@code -Dcoldstart.stamp-stdout=true} every line written to standard output is prefixed with the
 * microseconds since {@code main} began, so profile.sh can time Micronaut's bean resolution trace.
 */
public final class ColdStart {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ColdStart HANDLER_CLASS EVENT_CLASS EVENT_JSON");
            System.exit(2);
        }
        long mainStarted = System.nanoTime();
        if (Boolean.getBoolean("coldstart.stamp-stdout")) {
            System.setOut(new PrintStream(new StampedLines(System.out, mainStarted), true, StandardCharsets.UTF_8));
        }
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        long toMain = Duration.between(started, Instant.now()).toMillis();
        Class<?> eventType = Class.forName(args[1]);
        byte[] json = Files.readAllBytes(Path.of(args[2]));
        boolean plain = args[0].equals(PlainHandler.class.getName()) || args[0].equals(PlainSqsHandler.class.getName());
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler =
                (RequestHandler<Object, Object>) Class.forName(args[0]).getDeclaredConstructor().newInstance();
        long handlerCreated = System.nanoTime();
        Optional<CustomPojoSerializer> shipped = plain ? Optional.empty()
                : ServiceLoader.load(CustomPojoSerializer.class, ColdStart.class.getClassLoader()).findFirst();
        Object event = shipped.isPresent()
                ? shipped.get().fromJson(new ByteArrayInputStream(json), eventType)
                : runtimeSerializer(eventType).fromJson(new ByteArrayInputStream(json));
        Object answer = handler.handleRequest(event, new RunnerContext(Duration.ofSeconds(30)));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        if (shipped.isPresent()) {
            shipped.get().toJson(answer, written, answer.getClass());
        } else {
            runtimeSerializer(answer.getClass()).toJson(answer, written);
        }
        long answered = System.nanoTime();
        String status = answer instanceof APIGatewayV2HTTPResponse response
                ? Integer.toString(response.getStatusCode())
                : answer instanceof SQSBatchResponse batch
                        ? batch.getBatchItemFailures().size() + " batch item failure(s)" : String.valueOf(answer);
        System.err.printf("answered %s in %d ms from JVM start (%s, %d bytes of JSON)%n", status,
                Duration.between(started, Instant.now()).toMillis(),
                shipped.map(s -> s.getClass().getSimpleName()).orElse("runtime serializer"), written.size());
        System.err.printf("phases: jvm start to main %d ms, handler created %d ms, first event %d ms%n", toMain,
                (handlerCreated - mainStarted) / 1_000_000, (answered - handlerCreated) / 1_000_000);
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static com.amazonaws.services.lambda.runtime.serialization.PojoSerializer<Object> runtimeSerializer(
            Class<?> type) {
        return LambdaEventSerializers.serializerFor((Class<Object>) type, ColdStart.class.getClassLoader());
    }

    /** The baseline: a hand-written handler with no framework, answering what the API answers for a bad id. */
    public static final class PlainHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(404)
                    .withHeaders(java.util.Map.of("Content-Type", "application/problem+json"))
                    .withBody("{\"type\":\"urn:moc-platform:problem:not_found\",\"title\":\"Not Found\",\"status\":404}")
                    .build();
        }
    }

    /** The baseline for SQS functions: reports no batch item failure, as a consumer that accepted the record. */
    public static final class PlainSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            if (event.getRecords() == null || event.getRecords().isEmpty()) {
                throw new IllegalStateException("the SQS event has no records: the serializer did not read it");
            }
            return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
        }
    }

    /** Prefixes each line with the microseconds since {@code origin} (System.nanoTime). */
    private static final class StampedLines extends OutputStream {
        private final OutputStream out;
        private final long origin;
        private boolean lineStart = true;

        StampedLines(OutputStream out, long origin) {
            this.out = out;
            this.origin = origin;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            if (lineStart) {
                out.write(String.format("%010d ", (System.nanoTime() - origin) / 1000).getBytes(StandardCharsets.US_ASCII));
            }
            out.write(b);
            lineStart = b == '\n';
        }

        @Override
        public void flush() throws java.io.IOException {
            out.flush();
        }
    }

    private record RunnerContext(Instant deadline) implements Context {
        RunnerContext(Duration timeout) {
            this(Instant.now().plus(timeout));
        }

        @Override public String getAwsRequestId() { return "cold-start-run"; }
        @Override public String getLogGroupName() { return "/aws/lambda/cold-start"; }
        @Override public String getLogStreamName() { return "local"; }
        @Override public String getFunctionName() { return "cold-start"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-2:000000000000:function:cold-start"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return (int) Duration.between(Instant.now(), deadline).toMillis(); }
        @Override public int getMemoryLimitInMB() { return 512; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.err.print(message); }
                @Override public void log(byte[] message) { System.err.print(new String(message)); }
            };
        }
    }
}
