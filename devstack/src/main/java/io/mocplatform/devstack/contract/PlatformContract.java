package io.mocplatform.devstack.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of {@code contract/platform-contract.json} the devstack runs from: each function's handler,
 * environment variable names, HTTP routes, SQS trigger and schedule (how often an EventBridge rule invokes it). The build copies the file into the jar, so the routes
 * and triggers served locally are the ones Terraform deploys.
 */
public record PlatformContract(Map<String, Function> functions, Map<String, Duration> schedules) {

    private static final String RESOURCE = "/io/mocplatform/devstack/contract/platform-contract.json";

    public PlatformContract {
        functions = Map.copyOf(functions);
        schedules = Map.copyOf(schedules);
    }

    /** The contract embedded at build time. */
    public static PlatformContract embedded() {
        try (InputStream in = PlatformContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the devstack jar");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlatformContract parse(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        Map<String, Function> functions = new LinkedHashMap<>();
        root.path("functions").properties().forEach(entry -> {
            JsonNode node = entry.getValue();
            List<String> env = new ArrayList<>();
            node.path("env").forEach(n -> env.add(n.asText()));
            List<Route> routes = new ArrayList<>();
            node.path("routes").forEach(n -> routes.add(Route.parse(n.asText())));
            Trigger trigger = null;
            JsonNode t = node.get("trigger");
            if (t != null) {
                trigger = new Trigger(t.path("queue").asText(), t.path("batch_size").asInt(1),
                        t.path("report_batch_item_failures").asBoolean(false));
            }
            functions.put(entry.getKey(), new Function(entry.getKey(), node.path("handler").asText(), env, routes,
                    trigger));
        });
        Map<String, Duration> schedules = new LinkedHashMap<>();
        root.path("functions").properties().forEach(entry -> {
            JsonNode schedule = entry.getValue().get("schedule");
            if (schedule != null) {
                schedules.put(entry.getKey(), Duration.ofMinutes(schedule.path("every_minutes").asLong()));
            }
        });
        return new PlatformContract(functions, schedules);
    }

    /** Routes of one function from route keys: for tests and tools that build a route table by hand. */
    public static List<Route> parseRoutes(String function, String... routeKeys) {
        return java.util.Arrays.stream(routeKeys).map(key -> Route.parse(key).withFunction(function)).toList();
    }

    /** Every route of every API function, in contract order. */
    public List<Route> routes() {
        return functions.values().stream().flatMap(f -> f.routes().stream()).toList();
    }

    public Function function(String name) {
        Function function = functions.get(name);
        if (function == null) {
            throw new IllegalArgumentException("no function " + name + " in the platform contract");
        }
        return function;
    }

    /**
     * One function of the contract.
     *
     * @param name    module name
     * @param handler handler class
     * @param env     environment variable names Terraform sets
     * @param routes  HTTP routes (API functions)
     * @param trigger SQS trigger (queue functions), or null
     */
    public record Function(String name, String handler, List<String> env, List<Route> routes, Trigger trigger) {

        public Function {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(handler, "handler");
            env = List.copyOf(env);
            routes = routes.stream().map(r -> r.withFunction(name)).toList();
        }

        public Optional<Trigger> sqsTrigger() {
            return Optional.ofNullable(trigger);
        }
    }

    /**
     * An API Gateway route key such as {@code GET /images/{imageId}}.
     *
     * @param method   HTTP method
     * @param path     path template
     * @param function the function serving it
     */
    public record Route(String method, String path, String function) {

        static Route parse(String routeKey) {
            String[] parts = routeKey.trim().split("\\s+", 2);
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw new IllegalArgumentException("not a route key: " + routeKey);
            }
            return new Route(parts[0], parts[1], null);
        }

        Route withFunction(String name) {
            return new Route(method, path, name);
        }

        /** {@code METHOD /path}, as API Gateway puts it in {@code routeKey}. */
        public String routeKey() {
            return method + " " + path;
        }
    }

    /**
     * An SQS event source mapping.
     *
     * @param queue                    the contract's resource key of the queue ({@code jobs_queue}, {@code jobs_dlq})
     * @param batchSize                messages per invocation at most
     * @param reportBatchItemFailures whether the function reports partial batch failures
     */
    public record Trigger(String queue, int batchSize, boolean reportBatchItemFailures) {
    }
}
