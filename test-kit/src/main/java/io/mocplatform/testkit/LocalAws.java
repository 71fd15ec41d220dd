package io.mocplatform.testkit;

import io.mocplatform.testkit.edge.AwsEdge;
import io.mocplatform.testkit.edge.AwsService;
import io.mocplatform.testkit.edge.Caller;
import io.mocplatform.testkit.edge.EdgeIdentities;
import io.mocplatform.testkit.iam.ExercisedGrants;
import io.mocplatform.testkit.iam.PermissionsContract;
import io.mocplatform.testkit.sns.SnsStandIn;
import io.mocplatform.testkit.ssm.SsmStandIn;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * DynamoDB Local, ElasticMQ, s3proxy, the {@link SnsStandIn} and the {@link SsmStandIn} running in this JVM on
 * loopback ports, with the project's resources for {@link LocalAwsConfig#environment()} already created, among
 * them each environment's cursor signing key in Parameter Store (in AWS Terraform generates it). Clients reach
 * them through the {@link AwsEdge}, on the configured ports; the emulators themselves listen on free ports.
 *
 * <pre>{@code
 * try (LocalAws aws = LocalAws.start(LocalAwsConfig.inMemory())) {
 *     LocalAwsEnvironment env = aws.newIsolatedEnvironment();   // Jobs-it-1a2b3c4d, drawing-jobs-it-1a2b3c4d, ...
 *     aws.clients().sqs().sendMessage(b -> b.queueUrl(env.jobsQueueUrl()).messageBody("{}"));
 * }
 * }</pre>
 *
 * Tests normally get a shared instance through {@link WithLocalAws}; the devstack starts one with
 * {@link LocalAwsConfig#persistent(Path)} and fixed ports.
 */
public final class LocalAws implements AutoCloseable {

    /**
     * System property naming the directory where {@link #close()} writes the grants the functions used (failsafe
     * sets it to {@code target/exercised-grants}); the unused-grant check reads them all.
     */
    public static final String EXERCISED_GRANTS_DIR = "moc.exercised-grants.dir";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalAwsConfig config;
    private final LocalAwsEndpoints endpoints;
    private final AwsClients clients;
    private final SnsStandIn sns;
    private final SsmStandIn ssm;
    private final AwsEdge edge;
    private final Roles roles;
    private final LocalAwsEnvironment environment;
    private final StartupTimes startupTimes;
    private final Deque<AutoCloseable> toClose;

    private LocalAws(LocalAwsConfig config, LocalAwsEndpoints endpoints, AwsClients clients, SnsStandIn sns,
                     SsmStandIn ssm, AwsEdge edge, Roles roles, LocalAwsEnvironment environment,
                     StartupTimes startupTimes, Deque<AutoCloseable> toClose) {
        this.config = config;
        this.endpoints = endpoints;
        this.clients = clients;
        this.sns = sns;
        this.ssm = ssm;
        this.edge = edge;
        this.roles = roles;
        this.environment = environment;
        this.startupTimes = startupTimes;
        this.toClose = toClose;
    }

    /** Everything in memory on free ports: see {@link LocalAwsConfig#inMemory()}. */
    public static LocalAws startInMemory() {
        return start(LocalAwsConfig.inMemory());
    }

    /**
     * Starts the four emulators and provisions {@link LocalAwsConfig#environment()}. DynamoDB Local, s3proxy and
     * ElasticMQ start in parallel (they spend most of their start loading classes); the SNS stand-in follows
     * ElasticMQ, which it delivers to.
     */
    public static LocalAws start(LocalAwsConfig config) {
        Objects.requireNonNull(config, "config");
        long begin = System.nanoTime();
        Deque<AutoCloseable> started = new ArrayDeque<>();
        // Own threads: on two cores the common pool has one worker, which would start the emulators one by one.
        ExecutorService starter = Executors.newFixedThreadPool(3);
        try {
            Path dataDir = config.dataDir();
            // The edge's fronts take the configured ports (what clients see); the emulators behind them free ones.
            EdgeIdentities identities = new EdgeIdentities();
            identities.addAdministrator(config.accessKeyId(), config.secretAccessKey());
            PermissionsContract contract = PermissionsContract.embedded();
            ExercisedGrants exercised = new ExercisedGrants(contract);
            AwsEdge edge = AwsEdge.bind(edgePorts(config), AwsEdge.iamFilters(identities, config.region(),
                    ElasticMqServer.ACCOUNT_ID, Clock.systemUTC(),
                    (role, decision) -> exercised.record(role.function(), decision)));
            started.push(edge);
            int sqsPublicPort = edge.endpoint(AwsService.SQS).getPort();
            var dynamoDb = timed(starter, () -> DynamoDbLocalServer.start(0, sub(dataDir, "dynamodb")));
            var s3 = timed(starter, () -> unchecked(() -> S3ProxyServer.start(0, sub(dataDir, "s3"))));
            var sqs = timed(starter, () -> ElasticMqServer.start(0, sqsPublicPort, config.region(),
                    sub(dataDir, "sqs")));
            awaitAll(started, List.of(dynamoDb, s3, sqs));
            Timed<DynamoDbLocalServer> dynamoDbServer = dynamoDb.join();
            Timed<S3ProxyServer> s3Server = s3.join();
            Timed<ElasticMqServer> sqsServer = sqs.join();

            SsmStandIn ssm = unchecked(() -> SsmStandIn.start(0, config.region(),
                    ElasticMqServer.ACCOUNT_ID, dataDir == null ? null : dataDir.resolve("ssm").resolve("parameters.json")));
            started.push(ssm);
            LocalAwsEndpoints endpoints = new LocalAwsEndpoints(edge.endpoint(AwsService.DYNAMODB),
                    edge.endpoint(AwsService.SQS), edge.endpoint(AwsService.S3), edge.endpoint(AwsService.SNS),
                    edge.endpoint(AwsService.SSM), Region.of(config.region()),
                    config.accessKeyId(), config.secretAccessKey());
            AwsClients clients = new AwsClients(endpoints);
            started.push(clients);
            Timed<SnsStandIn> snsServer = timed(starter, () -> unchecked(() -> SnsStandIn.builder().port(0)
                    .region(config.region()).accountId(ElasticMqServer.ACCOUNT_ID).deliverWith(clients.sqs())
                    .stateFile(dataDir == null ? null : dataDir.resolve("sns").resolve("topics.json"))
                    .start())).join();
            started.push(snsServer.value());
            edge.start(Map.of(AwsService.DYNAMODB, dynamoDbServer.value().endpoint(),
                    AwsService.SQS, sqsServer.value().endpoint(), AwsService.S3, s3Server.value().endpoint(),
                    AwsService.SNS, snsServer.value().endpoint(), AwsService.SSM, ssm.endpoint()));
            Roles roles = new Roles(identities, contract, exercised, s3Server.value().endpoint());

            long provisionStart = System.nanoTime();
            LocalAwsEnvironment environment = provision(clients, ssm, roles, config, config.environment());
            Duration provisioning = Duration.ofNanos(System.nanoTime() - provisionStart);

            StartupTimes times = new StartupTimes(dynamoDbServer.duration(), sqsServer.duration(),
                    s3Server.duration(), snsServer.duration(), provisioning,
                    Duration.ofNanos(System.nanoTime() - begin));
            return new LocalAws(config, endpoints, clients, snsServer.value(), ssm, edge, roles, environment,
                    times, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        } finally {
            starter.shutdown();
        }
    }

    public LocalAwsConfig config() {
        return config;
    }

    public LocalAwsEndpoints endpoints() {
        return endpoints;
    }

    /** Shared SDK clients on the emulators; closed with this instance, so do not close them yourself. */
    public AwsClients clients() {
        return clients;
    }

    /** The SNS stand-in: published messages, throttling, listeners. */
    public SnsStandIn sns() {
        return sns;
    }

    /** The SSM Parameter Store stand-in. */
    public SsmStandIn ssm() {
        return ssm;
    }

    /**
     * The front every client reaches instead of the emulators; {@link AwsEdge#addFilter} puts a filter (faults,
     * checks) on every later request.
     */
    public AwsEdge edge() {
        return edge;
    }

    /** The resources of {@link LocalAwsConfig#environment()}, created at start. */
    public LocalAwsEnvironment environment() {
        return environment;
    }

    /** Creates (or finds) the resources of another environment, e.g. one per test class. */
    public LocalAwsEnvironment newEnvironment(String name) {
        return provision(clients, ssm, roles, config, name);
    }

    /**
     * The environment's tables, queues, buckets and topic, and its cursor signing key: 256 random bits, kept when
     * the parameter exists already (a devstack restart keeps its cursors valid). Each function of the contract
     * gets its own access key for this environment, judged by its role's statements with this environment's
     * names; the CDN stand-in reads the images bucket as CloudFront does, not as a role, so it goes to s3proxy
     * directly.
     */
    private static LocalAwsEnvironment provision(AwsClients clients, SsmStandIn ssm, Roles roles,
                                                 LocalAwsConfig config, String name) {
        LocalAwsEnvironment environment = new ResourceProvisioner(clients, config.queueVisibilityTimeout())
                .provision(name);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        ssm.putSecureStringIfAbsent(environment.resources().cursorKeyParameter(), HexFormat.of().formatHex(key));
        Map<String, String> placeholders = roles.contract().localPlaceholders(name, config.region(),
                ElasticMqServer.ACCOUNT_ID);
        Map<String, FunctionCredentials> credentials = new java.util.LinkedHashMap<>();
        for (String function : roles.contract().functions()) {
            String lambdaName = function + "-" + name;
            Caller.FunctionRole role = new Caller.FunctionRole(function, name, "arn:aws:sts::"
                    + ElasticMqServer.ACCOUNT_ID + ":assumed-role/" + lambdaName + "-role/" + lambdaName,
                    roles.contract().policy(function, placeholders));
            String keyId = "AKIDLOCAL" + tag(function) + tag(name);
            FunctionCredentials keys = new FunctionCredentials(keyId, roles.identities().secretOf(keyId)
                    .orElseGet(LocalAws::newSecret));
            roles.identities().addFunction(keys.accessKeyId(), keys.secretAccessKey(), role);
            credentials.put(function, keys);
        }
        return environment.with(roles.s3Origin().resolve("/" + environment.resources().imagesBucket()).toString(),
                credentials);
    }

    private static String newSecret() {
        byte[] secret = new byte[30];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private static String tag(String name) {
        return name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    /** A fresh environment named {@code it-<8 random hex digits>}, so parallel tests never share data. */
    public LocalAwsEnvironment newIsolatedEnvironment() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return newEnvironment("it-" + HexFormat.of().formatHex(random));
    }

    /** How long each emulator took to start, as measured in this JVM. */
    public StartupTimes startupTimes() {
        return startupTimes;
    }

    /**
     * Stops the emulators and closes the shared clients; in-memory state is gone, a data directory stays.
     * DynamoDB Local leaves sleeping non-daemon TTL threads behind: a {@code main} should {@code System.exit}.
     */
    @Override
    public void close() {
        try {
            closeAll(toClose);
        } finally {
            String directory = System.getProperty(EXERCISED_GRANTS_DIR);
            if (directory != null) {
                roles.exercised().writeTo(Path.of(directory));
            }
        }
    }

    /**
     * Which grants of the contract the functions used in this JVM so far (each allowed request's statement, action
     * and resource pattern).
     */
    public ExercisedGrants exercisedGrants() {
        return roles.exercised();
    }

    /**
     * Start times of one {@link LocalAws}. The emulators start in parallel, so {@link #total()} is less than the
     * sum.
     *
     * @param dynamoDb     DynamoDB Local
     * @param sqs          ElasticMQ
     * @param s3           s3proxy
     * @param sns          SNS stand-in
     * @param provisioning creating the default environment's resources
     * @param total        from the call to {@link #start(LocalAwsConfig)} until it returned
     */
    public record StartupTimes(Duration dynamoDb, Duration sqs, Duration s3, Duration sns, Duration provisioning,
                               Duration total) {

        @Override
        public String toString() {
            return "LocalAws started in %d ms (DynamoDB Local %d ms, ElasticMQ %d ms, s3proxy %d ms, SNS %d ms, "
                    .formatted(total.toMillis(), dynamoDb.toMillis(), sqs.toMillis(), s3.toMillis(), sns.toMillis())
                    + "resources %d ms)".formatted(provisioning.toMillis());
        }
    }

    /** The edge's knowledge of roles: keys, the contract, what was used, and s3proxy's own address. */
    private record Roles(EdgeIdentities identities, PermissionsContract contract, ExercisedGrants exercised,
                         URI s3Origin) {
    }

    private record Timed<T>(T value, Duration duration) {
    }

    private static <T> CompletableFuture<Timed<T>> timed(ExecutorService executor, Supplier<T> starter) {
        return CompletableFuture.supplyAsync(() -> {
            long begin = System.nanoTime();
            T value = starter.get();
            return new Timed<>(value, Duration.ofNanos(System.nanoTime() - begin));
        }, executor);
    }

    /**
     * Waits for parallel starts and registers every server that did start for closing, then rethrows the first
     * failure, so a failed start leaves nothing running.
     */
    private static void awaitAll(Deque<AutoCloseable> started,
                                 List<? extends CompletableFuture<? extends Timed<? extends AutoCloseable>>> starts) {
        RuntimeException failure = null;
        for (var start : starts) {
            try {
                started.push(start.join().value());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Map<AwsService, Integer> edgePorts(LocalAwsConfig config) {
        return Map.of(AwsService.DYNAMODB, config.dynamoDbPort(), AwsService.SQS, config.sqsPort(),
                AwsService.S3, config.s3Port(), AwsService.SNS, config.snsPort(), AwsService.SSM, config.ssmPort());
    }

    private static Path sub(Path dataDir, String name) {
        return dataDir == null ? null : dataDir.resolve(name);
    }

    private interface Starter<T> {
        T start() throws Exception;
    }

    private static <T> T unchecked(Starter<T> starter) {
        try {
            return starter.start();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        RuntimeException failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("an emulator did not stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
