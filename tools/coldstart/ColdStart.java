import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * {@code ColdStart$PlainHandler} as HANDLER_CLASS for the plain-Java baseline, which does the same
 * deserialisation and answers a fixed 404 without a framework. Prints the status and the time from JVM start.
 * Run through tools/coldstart/measure.sh, which pins the CPU and repeats with hyperfine.
 */
public final class ColdStart {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ColdStart HANDLER_CLASS EVENT_CLASS EVENT_JSON");
            System.exit(2);
        }
        Class<?> eventType = Class.forName(args[1]);
        byte[] json = Files.readAllBytes(Path.of(args[2]));
        boolean plain = args[0].equals(PlainHandler.class.getName());
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler =
                (RequestHandler<Object, Object>) Class.forName(args[0]).getDeclaredConstructor().newInstance();
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
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        String status = answer instanceof APIGatewayV2HTTPResponse response
                ? Integer.toString(response.getStatusCode()) : String.valueOf(answer);
        System.err.printf("answered %s in %d ms from JVM start (%s, %d bytes of JSON)%n", status,
                Duration.between(started, Instant.now()).toMillis(),
                shipped.map(s -> s.getClass().getSimpleName()).orElse("runtime serializer"), written.size());
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
