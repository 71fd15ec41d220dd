package io.mocplatform.testkit.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mocplatform.testkit.JsonStateFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small in-process SSM Parameter Store for tests and the devstack (the emulators have none). It speaks the AWS
 * JSON 1.1 protocol for {@code GetParameter} and {@code PutParameter}, which is all the functions and the
 * operators' runbook use, so a function reads its SecureStrings here exactly as it does in AWS. SecureString
 * values come back in clear only with {@code WithDecryption}, as in SSM; there is no KMS, and signatures are not
 * checked (requests without an {@code Authorization} header are refused, so an unsigned client still fails).
 *
 * <p>With a state file (the devstack's data directory), parameters survive a restart.
 */
public final class SsmStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "AmazonSSM.";

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final String arnPrefix;
    private final JsonStateFile stateFile;
    private final Map<String, Parameter> parameters = new TreeMap<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> throttledReads = new ConcurrentHashMap<>();

    private SsmStandIn(HttpServer server, ExecutorService executor, String region, String accountId,
                       Path stateFile) {
        this.server = server;
        this.executor = executor;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        this.arnPrefix = "arn:aws:ssm:" + region + ":" + accountId + ":parameter";
        this.stateFile = stateFile == null ? null : new JsonStateFile(stateFile, "SSM stand-in state");
    }

    /** Starts on {@code port} (0 = any free port), loading {@code stateFile} when it exists (null = in memory). */
    public static SsmStandIn start(int port, String region, String accountId, Path stateFile) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // Platform threads, as at the edge: callers on virtual threads must not starve the stand-in.
        ExecutorService executor = Executors.newCachedThreadPool(
                Thread.ofPlatform().daemon().name("ssm-stand-in-", 0).factory());
        server.setExecutor(executor);
        SsmStandIn standIn = new SsmStandIn(server, executor, region, accountId, stateFile);
        if (standIn.stateFile != null) {
            standIn.stateFile.read(State.class).ifPresent(state -> standIn.parameters.putAll(state.parameters()));
        }
        server.createContext("/", standIn::handle);
        server.start();
        return standIn;
    }

    /** Where the stand-in answers; use it as the SSM endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stores a SecureString unless one of that name exists; true when it was created. */
    public synchronized boolean putSecureStringIfAbsent(String name, String value) {
        if (parameters.containsKey(name)) {
            return false;
        }
        parameters.put(name, new Parameter("SecureString", value, 1));
        save();
        return true;
    }

    /** How many {@code GetParameter} calls named this parameter, found or not (tests check caching with it). */
    public int reads(String name) {
        AtomicInteger count = reads.get(name);
        return count == null ? 0 : count.get();
    }

    /** Answers the next {@code count} reads of this parameter as a throttled SSM does (tests of callers' retries). */
    public void throttleNextReads(String name, int count) {
        throttledReads.put(name, new AtomicInteger(count));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
                error(exchange, 400, "UnknownOperationException", "expected a POST with X-Amz-Target AmazonSSM.*");
                return;
            }
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                error(exchange, 400, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
                return;
            }
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                request = JSON.readTree(body);
            } catch (IOException e) {
                error(exchange, 400, "SerializationException", "body is not JSON");
                return;
            }
            switch (target.substring(TARGET_PREFIX.length())) {
                case "GetParameter" -> get(exchange, request);
                case "PutParameter" -> put(exchange, request);
                default -> error(exchange, 400, "UnknownOperationException", target + " is not supported here");
            }
        }
    }

    private void get(HttpExchange exchange, JsonNode request) throws IOException {
        String name = request.path("Name").asText("");
        reads.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        AtomicInteger throttled = throttledReads.get(name);
        if (throttled != null && throttled.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            error(exchange, 400, "ThrottlingException", "Rate exceeded");
            return;
        }
        Parameter parameter;
        synchronized (this) {
            parameter = parameters.get(name);
        }
        if (parameter == null) {
            error(exchange, 400, "ParameterNotFound", "Parameter " + name + " not found.");
            return;
        }
        boolean clear = !"SecureString".equals(parameter.type()) || request.path("WithDecryption").asBoolean(false);
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("Parameter")
                .put("Name", name)
                .put("Type", parameter.type())
                // Without decryption SSM returns the KMS ciphertext; an opaque encoding stands in for it here.
                .put("Value", clear ? parameter.value()
                        : Base64.getEncoder().encodeToString(parameter.value().getBytes(StandardCharsets.UTF_8)))
                .put("Version", parameter.version())
                .put("ARN", arnPrefix + (name.startsWith("/") ? name : "/" + name))
                .put("DataType", "text");
        respond(exchange, 200, answer);
    }

    private void put(HttpExchange exchange, JsonNode request) throws IOException {
        String name = request.path("Name").asText("");
        String value = request.path("Value").asText("");
        String type = request.path("Type").asText("String");
        if (name.isBlank() || value.isEmpty()) {
            error(exchange, 400, "ValidationException", "Name and Value are required");
            return;
        }
        long version;
        synchronized (this) {
            Parameter existing = parameters.get(name);
            if (existing != null && !request.path("Overwrite").asBoolean(false)) {
                error(exchange, 400, "ParameterAlreadyExists", "The parameter already exists. To overwrite this "
                        + "value, set the overwrite option in the request to true.");
                return;
            }
            version = existing == null ? 1 : existing.version() + 1;
            parameters.put(name, new Parameter(type, value, version));
            save();
        }
        respond(exchange, 200, JSON.createObjectNode().put("Version", version).put("Tier", "Standard"));
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        respond(exchange, status, JSON.createObjectNode().put("__type", type).put("message", message));
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void save() {
        if (stateFile != null) {
            stateFile.write(new State(parameters));
        }
    }

    /** What the state file holds. */
    record State(Map<String, Parameter> parameters) {
    }

    record Parameter(String type, String value, long version) {
    }
}
