package io.mocplatform.testkit;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DynamoDB Local in this JVM. Version 2.6.1 extracts its own SQLite native library from its jar, so no
 * {@code sqlite4java.library.path} is needed; the JVM still needs {@code --enable-native-access=ALL-UNNAMED} on
 * JDK 24+ (the parent pom's test argLine has it).
 *
 * <p>The server is assembled here as {@code ServerRunner.createServer} does, minus telemetry (nothing may leave
 * this machine), and keeps its request handler so that stopping also closes the databases and cancels the
 * background jobs. DynamoDB Local 2.6.1's TTL job threads are non-daemon and sleep on after that, so a
 * {@code main} that stops the emulators must end with {@code System.exit}.
 */
final class DynamoDbLocalServer implements AutoCloseable {

    /** Another JVM may take the probed port before DynamoDB Local binds it: a few attempts cover that race. */
    private static final int BIND_ATTEMPTS = 3;

    private final DynamoDBProxyServer server;
    private final LocalDynamoDBRequestHandler requests;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, LocalDynamoDBRequestHandler requests, URI endpoint) {
        this.server = server;
        this.requests = requests;
        this.endpoint = endpoint;
    }

    /** Starts in memory when {@code dataDir} is null, otherwise with its SQLite file in {@code dataDir}. */
    static DynamoDbLocalServer start(int requestedPort, Path dataDir) {
        String dbPath = dataDir == null ? null : createDirectories(dataDir).toAbsolutePath().toString();
        Exception last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = FreePort.resolve(requestedPort);
            LocalDynamoDBRequestHandler requests = null;
            try {
                // sharedDb: one database whatever the caller's credentials and region, as in AWS where a table
                // belongs to the account; without it a client with other credentials would see no tables.
                requests = new LocalDynamoDBRequestHandler(0, dataDir == null, dbPath, true, false);
                DynamoDBProxyServer server = new DynamoDBProxyServer(port,
                        new LocalDynamoDBServerHandler(requests, null));
                server.start();
                return new DynamoDbLocalServer(server, requests, URI.create("http://127.0.0.1:" + port));
            } catch (Exception e) {
                last = e;
                if (requests != null) {
                    requests.shutdown();
                }
                if (requestedPort != 0) {
                    break;
                }
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    private static Path createDirectories(Path dataDir) {
        try {
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            requests.shutdown();
        }
    }
}
