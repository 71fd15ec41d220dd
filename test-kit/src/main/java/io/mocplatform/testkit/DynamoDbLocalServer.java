package io.mocplatform.testkit;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local in this JVM. Version 2.6.1 extracts its own SQLite native library from its jar, so no
 * {@code sqlite4java.library.path} is needed; the JVM still needs {@code --enable-native-access=ALL-UNNAMED} on
 * JDK 24+ (the parent pom's test argLine has it).
 */
final class DynamoDbLocalServer implements AutoCloseable {

    /** Another JVM may take the probed port before DynamoDB Local binds it: a few attempts cover that race. */
    private static final int BIND_ATTEMPTS = 3;

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Starts in memory when {@code dataDir} is null, otherwise with its SQLite file in {@code dataDir}. */
    static DynamoDbLocalServer start(int requestedPort, Path dataDir) {
        Exception last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = FreePort.resolve(requestedPort);
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments(port, dataDir));
                server.start();
                return new DynamoDbLocalServer(server, URI.create("http://127.0.0.1:" + port));
            } catch (Exception e) {
                last = e;
                if (requestedPort != 0) {
                    break;
                }
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    private static String[] arguments(int port, Path dataDir) {
        // -sharedDb: one database whatever the caller's credentials and region, as in AWS where the table belongs
        // to the account; without it a client with other credentials would see no tables at all.
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb",
                "-disableTelemetry"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            args.add("-dbPath");
            args.add(dataDir.toAbsolutePath().toString());
        }
        return args.toArray(String[]::new);
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
