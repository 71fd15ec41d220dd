package io.mocplatform.testkit;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ElasticMQ in this JVM. With a data directory, queues and their messages are kept in an H2 file through
 * ElasticMQ's own SQL persistence (the same actor its standalone server uses), and restored at the next start.
 * A message SendMessage acknowledged is on disk already, so it survives a kill -9 of the JVM.
 *
 * <p>ElasticMQ's SQL persistence reads and writes through scalikejdbc's one JVM-wide connection pool, which it
 * creates only the first time a persistence actor starts in the JVM ({@code org.elasticmq.persistence.sql.DB}). A
 * later server in the same JVM would so use the first one's database: another data directory's queues and
 * messages, or, once the first server closed it, pooled connections to a shut-down database, on which the
 * persistence actor fails without answering the restore (the start then waited out its restore timeout and
 * tried again). Each start therefore points that pool at its own database and {@link #close} closes it, and only
 * one persistent server runs in a JVM at a time.
 */
final class ElasticMqServer implements AutoCloseable {

    /** The account ElasticMQ puts in queue ARNs and URLs; the SNS stand-in uses the same. */
    static final String ACCOUNT_ID = "000000000000";
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(30);
    private static final int BIND_ATTEMPTS = 3;
    /** The database of the persistent server running in this JVM, if any: ElasticMQ's pool has room for one. */
    private static String openDatabase;

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final URI endpoint;
    private final String databaseUrl;

    private ElasticMqServer(ActorSystem actorSystem, SQSRestServer server, URI endpoint, String databaseUrl) {
        this.actorSystem = actorSystem;
        this.server = server;
        this.endpoint = endpoint;
        this.databaseUrl = databaseUrl;
    }

    /** Starts on {@code requestedPort} (0: a free one); queue URLs name the port it listens on. */
    static ElasticMqServer start(int requestedPort, String region, Path dataDir) {
        return start(requestedPort, 0, region, dataDir);
    }

    /**
     * Starts on {@code requestedPort} (0: a free one); queue URLs name {@code publicPort}, where clients reach it
     * (the AWS edge in front of it), or its own port when {@code publicPort} is 0.
     */
    static ElasticMqServer start(int requestedPort, int publicPort, String region, Path dataDir) {
        String databaseUrl = dataDir == null ? null : databaseUrl(dataDir);
        if (databaseUrl != null) {
            claimConnectionPool(databaseUrl);
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = FreePort.resolve(requestedPort);
            try {
                return startOn(port, publicPort, region, dataDir, databaseUrl);
            } catch (RuntimeException e) {
                last = e;
                if (requestedPort != 0) {
                    break;
                }
            }
        }
        if (databaseUrl != null) {
            releaseConnectionPool(databaseUrl);
        }
        throw new IllegalStateException("ElasticMQ did not start", last);
    }

    private static ElasticMqServer startOn(int port, int publicPort, String region, Path dataDir,
                                           String databaseUrl) {
        // Pekko logs every actor start to stdout by default; tests and the devstack only want warnings.
        ActorSystem system = ActorSystem.create("elasticmq", ConfigFactory.parseString("""
                pekko.loglevel = WARNING
                pekko.stdout-loglevel = WARNING
                pekko.log-dead-letters = off
                pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                """).withFallback(ConfigFactory.load()));
        try {
            Option<ActorRef> persistence = dataDir == null ? Option.empty()
                    : Option.apply(persistenceActor(system, dataDir, databaseUrl));
            ActorRef queueManager = system.actorOf(Props.create(QueueManagerActor.class, new NowProvider(),
                    StrictSQSLimits$.MODULE$, persistence));
            if (persistence.isDefined()) {
                restore(persistence.get(), queueManager);
            }
            var builder = SQSRestServerBuilder.withActorSystem(system).withQueueManagerActor(queueManager)
                    .withInterface("127.0.0.1").withPort(port)
                    // Queue URLs carry this address, so clients get URLs they can call back.
                    .withServerAddress(new NodeAddress("http", "127.0.0.1",
                            publicPort == 0 ? port : publicPort, ""))
                    .withAWSRegion(region).withAWSAccountId(ACCOUNT_ID);
            if (persistence.isDefined()) {
                builder = builder.withQueueEventListener(persistence.get());
            }
            SQSRestServer server = builder.start();
            server.waitUntilStarted();
            return new ElasticMqServer(system, server, URI.create("http://127.0.0.1:" + port), databaseUrl);
        } catch (RuntimeException e) {
            terminate(system);
            throw e;
        }
    }

    /** Points ElasticMQ's JVM-wide connection pool at {@code databaseUrl}, refusing while another server uses it. */
    private static synchronized void claimConnectionPool(String databaseUrl) {
        if (openDatabase != null) {
            throw new IllegalStateException("a persistent ElasticMQ on " + openDatabase + " is still running in this"
                    + " JVM; ElasticMQ keeps one connection pool per JVM, so close it before starting another");
        }
        // The pool ElasticMQ would make itself (scalikejdbc's defaults); a pool left by an earlier server is closed.
        ConnectionPool$ pools = ConnectionPool$.MODULE$;
        ConnectionPoolSettings settings = pools.singleton$default$4();
        pools.singleton(databaseUrl, "sa", "", settings, pools.singleton$default$5(databaseUrl, "sa", "", settings));
        openDatabase = databaseUrl;
    }

    private static synchronized void releaseConnectionPool(String databaseUrl) {
        if (databaseUrl.equals(openDatabase)) {
            ConnectionPool$.MODULE$.close(ConnectionPool$.MODULE$.DEFAULT_NAME());
            openDatabase = null;
        }
    }

    /**
     * H2 commits to its MVStore in memory and writes the store to disk about once a second (WRITE_DELAY, default
     * 500 ms, the store's autoCommitDelay 1000 ms): ElasticMQ answers SendMessage once its insert is committed, so
     * a kill -9 lost the messages of the last second although every sender got its answer. WRITE_DELAY=0 makes
     * every commit write the store before the insert returns. H2 would also close the database from a JVM
     * shutdown hook of its own, at the same time as the devstack's hook is still stopping ElasticMQ
     * ({@code Database is already closed}): DB_CLOSE_ON_EXIT=FALSE, and {@link #close} closes it after ElasticMQ.
     */
    private static String databaseUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("elasticmq")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static ActorRef persistenceActor(ActorSystem system, Path dataDir, String url) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SqlQueuePersistenceConfig config = SqlQueuePersistenceConfig.apply(true, "org.h2.Driver", url, "sa", "",
                false);
        scala.collection.immutable.List<CreateQueueMetadata> noPredefinedQueues =
                CollectionConverters.asScala(List.<CreateQueueMetadata>of()).toList();
        return system.actorOf(Props.create(SqlQueuePersistenceActor.class, config, noPredefinedQueues));
    }

    private static void restore(ActorRef persistence, ActorRef queueManager) {
        try {
            Object reply = Patterns.ask(persistence, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT)
                    .toCompletableFuture().get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (reply instanceof Either<?, ?> either && either.isLeft()) {
                throw new IllegalStateException("ElasticMQ could not restore its queues: " + either.left().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring queues", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("ElasticMQ could not restore its queues", e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stopAndWait();
        } finally {
            terminate(actorSystem);
            if (databaseUrl != null) {
                releaseConnectionPool(databaseUrl);
            }
            shutDownDatabase();
        }
    }

    /** Writes and closes the H2 file once nothing of ElasticMQ uses it any more. */
    private void shutDownDatabase() {
        if (databaseUrl == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(databaseUrl, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already closed (nothing was open): nothing to write.
        }
    }

    private static void terminate(ActorSystem system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // A slow actor-system shutdown must not fail the test run that is ending.
        }
    }
}
