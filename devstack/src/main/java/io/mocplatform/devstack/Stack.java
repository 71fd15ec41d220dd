package io.mocplatform.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mocplatform.devstack.console.Console;
import io.mocplatform.devstack.contract.PlatformContract;
import io.mocplatform.devstack.demo.DemoDrawing;
import io.mocplatform.devstack.demo.DemoScenario;
import io.mocplatform.devstack.gateway.HttpApiGateway;
import io.mocplatform.devstack.gateway.JwtAuthorizer;
import io.mocplatform.devstack.gateway.JwtIssuer;
import io.mocplatform.devstack.gateway.JwtSettings;
import io.mocplatform.devstack.gateway.RouteTable;
import io.mocplatform.devstack.gateway.RouteThrottle;
import io.mocplatform.devstack.gateway.SigningKeys;
import io.mocplatform.devstack.lambda.FunctionArtifacts;
import io.mocplatform.devstack.lambda.FunctionSettings;
import io.mocplatform.devstack.lambda.InvocationResult;
import io.mocplatform.devstack.lambda.LocalFunction;
import io.mocplatform.devstack.schedule.ScheduleRule;
import io.mocplatform.devstack.sns.AlertLog;
import io.mocplatform.devstack.sqs.EventSourceMapping;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsConfig;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.faults.FaultFilter;
import io.mocplatform.testkit.faults.FaultInjector;
import io.mocplatform.testkit.faults.FaultPlan;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The running system: the emulators (test-kit's {@link LocalAws}, persistent in the data directory), the five
 * functions from their Lambda zips, the HTTP API front, the SQS event source mappings and the schedule rules,
 * wired from the platform contract.
 */
public final class Stack implements AutoCloseable {

    public static final String ENDPOINTS_FILE = "endpoints.json";
    private static final String PROCESSOR = "drawing-processor";
    private static final String DLQ_HANDLER = "dlq-handler";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a stop lets a batch being processed finish before abandoning it. */
    static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(2);

    private final StackOptions options;
    private final Console console;
    private final LocalAws aws;
    private final Map<String, LocalFunction> functions;
    private final HttpApiGateway gateway;
    private final List<EventSourceMapping> mappings;
    private final Map<String, ScheduleRule> schedules;
    private final AlertLog alerts;
    private final JwtIssuer issuer;
    private final Duration startup;
    private final FaultInjector faults;

    private Stack(StackOptions options, Console console, LocalAws aws, Map<String, LocalFunction> functions,
                  HttpApiGateway gateway, List<EventSourceMapping> mappings, Map<String, ScheduleRule> schedules,
                  AlertLog alerts, JwtIssuer issuer, Duration startup, FaultInjector faults) {
        this.options = options;
        this.console = console;
        this.aws = aws;
        this.functions = functions;
        this.gateway = gateway;
        this.mappings = mappings;
        this.schedules = schedules;
        this.alerts = alerts;
        this.issuer = issuer;
        this.startup = startup;
        this.faults = faults;
    }

    /** Starts everything and returns once the API accepts requests. */
    public static Stack start(StackOptions options, Console console) {
        long begin = System.nanoTime();
        // Before the emulators' stand-ins start the JDK's HTTP server for the first time in this JVM.
        HttpApiGateway.raiseServerLimits();
        Clock clock = Clock.systemUTC();
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            Path dataDir = options.dataDir().toAbsolutePath();
            Files.createDirectories(dataDir);
            PlatformContract contract = PlatformContract.embedded();

            int port = options.port();
            LocalAwsConfig config = LocalAwsConfig.builder().dataDir(dataDir).region(options.region())
                    .environment(options.environment()).queueVisibilityTimeout(options.visibilityTimeout())
                    .dynamoDbPort(port == 0 ? 0 : port + 1).sqsPort(port == 0 ? 0 : port + 2)
                    .s3Port(port == 0 ? 0 : port + 3).snsPort(port == 0 ? 0 : port + 4)
                    .ssmPort(port == 0 ? 0 : port + 5).build();
            LocalAws aws = options.jsonLogs() ? LocalAws.start(config) : withoutBanner(() -> LocalAws.start(config));
            started.push(aws);
            console.info(aws.startupTimes().toString());
            LocalAwsEnvironment environment = aws.environment();
            // Before any function starts, so that their cold starts meet the faults too, as they would in AWS.
            FaultInjector faults = null;
            if (!options.faults().equals(FaultPlan.NONE)) {
                faults = new FaultInjector(options.faults(), new SplittableRandom());
                aws.edge().addFilter(new FaultFilter(faults));
                console.info("faults injected into the functions' calls: " + describe(options.faults()));
            }

            FunctionArtifacts artifacts = FunctionArtifacts.standard(
                    Path.of(System.getProperty("java.io.tmpdir"), "moc-devstack-functions"));
            Map<String, LocalFunction> functions = new LinkedHashMap<>();
            for (PlatformContract.Function function : contract.functions().values()) {
                LocalFunction local = new LocalFunction(settings(function, environment, options), artifacts, clock,
                        line -> console.info(line));
                functions.put(function.name(), local);
                started.push(local);
            }
            warmUp(functions.values(), console);

            SigningKeys keys = SigningKeys.inDataDir(dataDir);
            JwtAuthorizer authorizer = new JwtAuthorizer(keys, JwtSettings.LOCAL, clock);
            HttpApiGateway.Invoker invoker = (name, event) -> invoke(functions, name, event);
            HttpApiGateway gateway = HttpApiGateway.start(port, new RouteTable(contract.routes()),
                    new RouteThrottle(RouteThrottle.Limits.TERRAFORM_DEFAULT, clock), authorizer, keys,
                    invoker, console::request, clock);
            started.push(gateway);

            AlertLog alerts = new AlertLog(dataDir, console);
            aws.sns().addPublishListener(alerts);

            List<EventSourceMapping> mappings = new ArrayList<>();
            for (PlatformContract.Function function : contract.functions().values()) {
                function.sqsTrigger().ifPresent(trigger -> {
                    QueueRef queue = queue(trigger.queue(), environment);
                    // Lambda polls with the function's role, so the role must allow receiving and deleting.
                    SqsClient functionSqs = environment.endpointsFor(function.name()).newSqsClient();
                    started.push(functionSqs);
                    EventSourceMapping mapping = EventSourceMapping.start(new EventSourceMapping.Settings(
                            function.name(), queue.url(), queue.arn(), options.region(), trigger.batchSize(),
                            trigger.reportBatchItemFailures()), functionSqs,
                            (name, event) -> invoke(functions, name, event), console::info);
                    mappings.add(mapping);
                    started.push(mapping);
                });
            }

            Map<String, ScheduleRule> schedules = new LinkedHashMap<>();
            contract.schedules().forEach((name, every) -> {
                // Compressed like the visibility timeout (5 s here, 1800 s in AWS), so a lost message is found
                // within a minute instead of within the hour.
                ScheduleRule rule = ScheduleRule.start(new ScheduleRule.Settings(name,
                        name + "-" + environment.name(), schedulePeriod(options), options.region()),
                        (function, event) -> invoke(functions, function, event), console::info, clock);
                schedules.put(name, rule);
                started.push(rule);
            });

            JwtIssuer issuer = new JwtIssuer(keys, JwtSettings.LOCAL, clock);
            Stack stack = new Stack(options, console, aws, functions, gateway, mappings, schedules, alerts, issuer,
                    Duration.ofNanos(System.nanoTime() - begin), faults);
            stack.writeEndpoints(dataDir);
            return stack;
        } catch (IOException e) {
            closeAll(started);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    public URI apiBaseUrl() {
        return gateway.baseUrl();
    }

    public LocalAws aws() {
        return aws;
    }

    public LocalAwsEnvironment environment() {
        return aws.environment();
    }

    public Path dataDir() {
        return options.dataDir().toAbsolutePath();
    }

    public Path alertFile() {
        return alerts.file();
    }

    public JwtIssuer tokens() {
        return issuer;
    }

    /** From the call to {@link #start} until the API accepted requests. */
    public Duration startupTime() {
        return startup;
    }

    /**
     * Kills the function's execution environment in the middle of an invocation ({@link LocalFunction#crash()});
     * false when it is not running one.
     */
    public boolean crashFunction(String function) {
        LocalFunction local = functions.get(function);
        if (local == null) {
            throw new IllegalArgumentException("no function " + function);
        }
        return local.crash();
    }

    /** The injector of {@code --faults}, with its counts, when faults are injected. */
    public Optional<FaultInjector> faults() {
        return Optional.ofNullable(faults);
    }

    /** Functions that could not start, with the reason. */
    public Map<String, String> unavailableFunctions() {
        Map<String, String> failed = new LinkedHashMap<>();
        functions.forEach((name, function) -> {
            if (function.initFailure() != null) {
                failed.put(name, function.initFailure());
            }
        });
        return failed;
    }

    /**
     * Invokes a scheduled function now, as its rule would at the next tick; for tests and tools that do not wait.
     */
    public InvocationResult runScheduled(String function) {
        ScheduleRule rule = schedules.get(function);
        if (rule == null) {
            throw new IllegalArgumentException("no scheduled function " + function);
        }
        return rule.fire();
    }

    /** Time between two runs of each scheduled function locally. */
    static Duration schedulePeriod(StackOptions options) {
        return options.visibilityTimeout().multipliedBy(2);
    }

    /**
     * How long a job may sit queued, or processing without a live lease, before the reconciler sends its message
     * again: in AWS twice the queue's visibility timeout; here well above the local timeout and backoffs, so an
     * ordinary retry is not taken for a lost message.
     */
    static Duration staleJobAfter(StackOptions options) {
        return options.visibilityTimeout().multipliedBy(12);
    }

    /** The demo scenario against this stack, as user {@code demo-user}. */
    public DemoScenario demoScenario(java.util.function.Consumer<String> progress) {
        String token = issuer.issue("demo-user", Duration.ofHours(1), Map.of("email", "demo@example.com"));
        return new DemoScenario(apiBaseUrl(), token, body -> aws.clients().sqs().sendMessage(b -> b
                .queueUrl(environment().jobsQueueUrl()).messageBody(body)), alertFile(), DemoDrawing.sample(),
                progress);
    }

    /**
     * Stops in the order that leaves nothing running against a closed emulator: the HTTP front (requests being
     * answered finish), the schedule rules, the event source mappings (no new poll or batch; a batch in flight gets
     * {@link #IN_FLIGHT_GRACE} to finish, then is abandoned and its messages return after their visibility
     * timeout, as Lambda would leave them), then the emulators, and the functions' contexts beside them.
     */
    @Override
    public void close() {
        long begin = System.nanoTime();
        closeQuietly(gateway);
        // No new scheduled run (the reconciler would otherwise call the emulators while they stop).
        schedules.values().forEach(Stack::closeQuietly);
        long front = System.nanoTime();
        mappings.forEach(EventSourceMapping::stopPolling);
        long deadline = front + IN_FLIGHT_GRACE.toNanos();
        for (EventSourceMapping mapping : mappings) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!mapping.awaitStopped(left)) {
                console.info(mapping.settings().function() + ": a batch was still running after "
                        + IN_FLIGHT_GRACE.toSeconds() + " s and is abandoned; its messages return after their"
                        + " visibility timeout");
            }
        }
        long pollers = System.nanoTime();
        // Nothing runs in the functions any more (or it was abandoned), and closing an application context calls
        // no AWS service: the contexts and the emulators close side by side.
        try (ExecutorService closer = Executors.newVirtualThreadPerTaskExecutor()) {
            functions.values().forEach(function -> closer.submit(() -> closeQuietly(function)));
            closer.submit(() -> closeQuietly(aws));
        }
        long closed = System.nanoTime();
        faults().ifPresent(injector -> console.info("faults injected: " + injector.summary()));
        console.info("stop: front %d ms, event source mappings %d ms, functions and emulators %d ms".formatted(
                (front - begin) / 1_000_000, (pollers - front) / 1_000_000, (closed - pollers) / 1_000_000));
    }

    private static String describe(FaultPlan plan) {
        StringBuilder text = new StringBuilder();
        plan.shares().forEach((service, share) -> text.append(service.key()).append(' ')
                .append(Math.round(share * 1000) / 10.0).append(" %, "));
        return text.append("slow answers held ").append(plan.slowDelay().toMillis()).append(" ms").toString();
    }

    private void writeEndpoints(Path dataDir) throws IOException {
        LocalAwsEnvironment env = aws.environment();
        ObjectNode root = JSON.createObjectNode();
        root.put("api", apiBaseUrl().toString());
        root.put("jwks", apiBaseUrl().resolve("/.well-known/jwks.json").toString());
        root.put("dynamodb", env.endpoints().dynamoDb().toString());
        root.put("sqs", env.endpoints().sqs().toString());
        root.put("s3", env.endpoints().s3().toString());
        root.put("sns", env.endpoints().sns().toString());
        root.put("ssm", env.endpoints().ssm().toString());
        root.put("region", env.endpoints().region().id());
        root.put("access_key_id", env.endpoints().accessKeyId());
        root.put("secret_access_key", env.endpoints().secretAccessKey());
        root.put("environment", env.name());
        // Each function's own key: the AWS CLI with one of these acts as that function, judged by its role.
        ObjectNode credentials = root.putObject("credentials");
        env.functionCredentials().forEach((function, keys) -> credentials.putObject(function)
                .put("access_key_id", keys.accessKeyId()).put("secret_access_key", keys.secretAccessKey()));
        ObjectNode tables = root.putObject("tables");
        tables.put("jobs", env.resources().jobsTable());
        tables.put("images", env.resources().imagesTable());
        ObjectNode queues = root.putObject("queues");
        queues.put("jobs", env.jobsQueueUrl());
        queues.put("jobs_dlq", env.jobsDlqUrl());
        ObjectNode buckets = root.putObject("buckets");
        buckets.put("images", env.resources().imagesBucket());
        buckets.put("drawings", env.resources().drawingsBucket());
        root.put("alerts_topic", env.alertsTopicArn());
        ObjectNode jwt = root.putObject("jwt");
        jwt.put("issuer", JwtSettings.LOCAL.issuer());
        jwt.put("audience", JwtSettings.LOCAL.audience());
        root.put("sns_messages", alerts.file().toString());
        Files.writeString(dataDir.resolve(ENDPOINTS_FILE), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(root) + "\n");
    }

    private static InvocationResult invoke(Map<String, LocalFunction> functions, String name, byte[] event) {
        LocalFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("no function " + name);
        }
        return function.invoke(event);
    }

    /** Starts the functions side by side: each builds its own application context from its own jars. */
    private static void warmUp(Iterable<LocalFunction> functions, Console console) {
        try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Boolean>> starts = new ArrayList<>();
            for (LocalFunction function : functions) {
                starts.add(CompletableFuture.supplyAsync(function::warmUp, starter));
            }
            starts.forEach(CompletableFuture::join);
        }
    }

    static FunctionSettings settings(PlatformContract.Function function, LocalAwsEnvironment environment,
                                     StackOptions options) {
        Map<String, String> variables = new LinkedHashMap<>();
        Map<String, String> available = new LinkedHashMap<>(environment.environmentVariables());
        available.put(PlatformNames.STALE_JOB_AFTER, staleJobAfter(options).toString());
        // Exactly the variables the contract gives this function (what Terraform sets), nothing more.
        for (String name : function.env()) {
            if (available.containsKey(name)) {
                variables.put(name, available.get(name));
            }
        }
        String lambdaName = function.name() + "-" + environment.name();
        boolean processor = PROCESSOR.equals(function.name());
        Duration timeout = processor ? options.processorTimeout()
                : DLQ_HANDLER.equals(function.name()) ? options.dlqHandlerTimeout() : options.apiTimeout();
        int memory = processor ? 3008 : 512;
        // Set by Lambda itself in every function's environment.
        variables.put("AWS_REGION", options.region());
        variables.put("AWS_DEFAULT_REGION", options.region());
        variables.put("AWS_LAMBDA_FUNCTION_NAME", lambdaName);
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memory));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("_HANDLER", function.handler());
        return new FunctionSettings(function.name(), lambdaName, function.handler(), timeout, memory,
                options.region(), variables, environment.micronautPropertiesFor(function.name()));
    }

    private static QueueRef queue(String contractKey, LocalAwsEnvironment environment) {
        return switch (contractKey) {
            case "jobs_queue" -> new QueueRef(environment.jobsQueueUrl(), environment.jobsQueueArn());
            case "jobs_dlq" -> new QueueRef(environment.jobsDlqUrl(), environment.jobsDlqArn());
            default -> throw new IllegalStateException("the contract names an unknown queue: " + contractKey);
        };
    }

    private record QueueRef(String url, String arn) {
    }

    /**
     * DynamoDB Local prints its configuration banner on standard output while it starts; nothing else writes
     * then, so readable mode silences it for that moment (the console keeps its own stream).
     */
    private static <T> T withoutBanner(java.util.function.Supplier<T> start) {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            return start.get();
        } finally {
            System.setOut(out);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("devstack: " + e.getMessage());
        }
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                System.err.println("devstack: " + e.getMessage());
            }
        }
    }
}
