package io.mocplatform.devstack;

import io.mocplatform.devstack.console.Console;
import io.mocplatform.devstack.console.MetricsLineFilter;
import io.mocplatform.devstack.demo.DemoScenario;
import io.mocplatform.devstack.gateway.JwtIssuer;
import io.mocplatform.devstack.gateway.JwtSettings;
import io.mocplatform.devstack.gateway.SigningKeys;
import io.mocplatform.testkit.faults.FaultPlan;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the devstack.
 *
 * <pre>
 * java -jar devstack/target/devstack.jar [--port 8080] [--data-dir .devstack] [--json-logs]
 * java -jar devstack/target/devstack.jar token --sub alice [--data-dir .devstack] [--ttl-minutes 60]
 * java -jar devstack/target/devstack.jar demo [--json-logs] [--keep]
 * </pre>
 */
public final class DevStack {

    private static final String USAGE = """
            usage:
              devstack [--port 8080] [--data-dir .devstack] [--json-logs] [--visibility-timeout-seconds 5]
                       [--processor-timeout-seconds 900] [--faults dynamodb=0.1,s3=0.05,sqs=0,sns=0,slow=1500]
                  start everything; prints "devstack ready <api url>" when requests are accepted
              devstack token --sub <user> [--data-dir .devstack] [--ttl-minutes 60] [--email <address>]
                  print a JWT that the stack on this data directory accepts
              devstack demo [--json-logs] [--keep]
                  run the scenario on a fresh stack in a temporary directory; exit 0 when every step passed
            """;

    private DevStack() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (UsageException e) {
            System.err.println("devstack: " + e.getMessage());
            System.err.print(USAGE);
            status = 2;
        }
        // Emulator thread pools (Pekko, Jetty) are not all daemons: leave explicitly.
        System.exit(status);
    }

    static int run(String[] args) {
        Deque<String> arguments = new ArrayDeque<>(List.of(args));
        String command = !arguments.isEmpty() && !arguments.peekFirst().startsWith("-")
                ? arguments.removeFirst() : "start";
        Map<String, String> flags = flags(arguments);
        return switch (command) {
            case "start" -> start(flags);
            case "token" -> token(flags);
            case "demo" -> demo(flags);
            case "help" -> {
                System.out.print(USAGE);
                yield 0;
            }
            default -> throw new UsageException("unknown command " + command);
        };
    }

    private static int start(Map<String, String> flags) {
        allow(flags, "port", "data-dir", "json-logs", "visibility-timeout-seconds", "processor-timeout-seconds",
                "faults");
        StackOptions options = options(flags);
        Console console = console(options.jsonLogs());
        Stack stack;
        try {
            stack = Stack.start(options, console);
        } catch (RuntimeException e) {
            console.info("devstack failed to start: " + describe(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long begin = System.nanoTime();
            console.info("stopping");
            stack.close();
            console.info("stopped in " + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms; state kept in "
                    + stack.dataDir());
            stopped.countDown();
        }, "devstack-shutdown"));
        stack.unavailableFunctions().forEach((name, reason) ->
                console.info("WARNING " + name + " is not running: " + reason));
        console.info("endpoints in " + stack.dataDir().resolve(Stack.ENDPOINTS_FILE)
                + "; token: java -jar devstack/target/devstack.jar token --sub alice --data-dir " + stack.dataDir());
        console.info("devstack ready " + stack.apiBaseUrl() + " (started in " + stack.startupTime().toMillis()
                + " ms)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int token(Map<String, String> flags) {
        allow(flags, "sub", "data-dir", "ttl-minutes", "email");
        String subject = flags.get("sub");
        if (subject == null || subject.isBlank()) {
            throw new UsageException("token needs --sub <user>");
        }
        Path dataDir = Path.of(flags.getOrDefault("data-dir", StackOptions.DEFAULT_DATA_DIR.toString()));
        Duration lifetime = Duration.ofMinutes(number(flags, "ttl-minutes", 60));
        Map<String, Object> claims = new LinkedHashMap<>();
        if (flags.containsKey("email")) {
            claims.put("email", flags.get("email"));
        }
        JwtIssuer issuer = new JwtIssuer(SigningKeys.inDataDir(dataDir), JwtSettings.LOCAL, Clock.systemUTC());
        System.out.println(issuer.issue(subject, lifetime, claims));
        return 0;
    }

    private static int demo(Map<String, String> flags) {
        allow(flags, "json-logs", "keep", "visibility-timeout-seconds");
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("devstack-demo-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory", e);
        }
        Map<String, String> stackFlags = new LinkedHashMap<>(flags);
        stackFlags.put("port", "0");
        stackFlags.put("data-dir", dataDir.toString());
        StackOptions options = options(stackFlags);
        Console console = console(options.jsonLogs());
        boolean passed;
        try (Stack stack = Stack.start(options, console)) {
            console.info("devstack ready " + stack.apiBaseUrl() + " (started in " + stack.startupTime().toMillis()
                    + " ms)");
            DemoScenario.Report report = stack.demoScenario(console::info).run();
            System.out.println();
            System.out.println(report.summary());
            passed = report.passed();
        }
        if (!flags.containsKey("keep")) {
            deleteTree(dataDir);
        } else {
            System.out.println("state kept in " + dataDir);
        }
        return passed ? 0 : 1;
    }

    private static StackOptions options(Map<String, String> flags) {
        StackOptions options = StackOptions.defaults()
                .withPort((int) number(flags, "port", StackOptions.DEFAULT_PORT))
                .withDataDir(Path.of(flags.getOrDefault("data-dir", StackOptions.DEFAULT_DATA_DIR.toString())))
                .withJsonLogs(flags.containsKey("json-logs"));
        if (flags.containsKey("visibility-timeout-seconds")) {
            options = options.withVisibilityTimeout(Duration.ofSeconds(number(flags, "visibility-timeout-seconds", 5)));
        }
        if (flags.containsKey("processor-timeout-seconds")) {
            options = options.withProcessorTimeout(Duration.ofSeconds(number(flags, "processor-timeout-seconds", 900)));
        }
        if (flags.containsKey("faults")) {
            try {
                options = options.withFaults(FaultPlan.parse(flags.get("faults")));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--faults: " + e.getMessage());
            }
        }
        return options;
    }

    /**
     * Sets up what every function in this JVM reads from the process rather than from its environment map:
     * the log format (logback reads {@code LOG_FORMAT} from system properties too) and X-Ray's behaviour outside
     * a segment. Readable mode also hides the embedded-metric lines.
     */
    public static Console console(boolean jsonLogs) {
        System.setProperty("LOG_FORMAT", jsonLogs ? "json" : "text");
        // Each function configures its own logback at its cold start; its status lines are noise here.
        System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
        System.setProperty("com.amazonaws.xray.strategy.contextMissingStrategy", "IGNORE_ERROR");
        PrintStream out = System.out;
        if (!jsonLogs) {
            out = MetricsLineFilter.over(System.out);
            System.setOut(out);
        }
        return new Console(out, jsonLogs, Clock.systemUTC());
    }

    private static Map<String, String> flags(Deque<String> arguments) {
        Map<String, String> flags = new LinkedHashMap<>();
        while (!arguments.isEmpty()) {
            String argument = arguments.removeFirst();
            if (!argument.startsWith("--")) {
                throw new UsageException("unexpected argument " + argument);
            }
            String name = argument.substring(2);
            String value = "true";
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (!isSwitch(name)) {
                if (arguments.isEmpty()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = arguments.removeFirst();
            }
            flags.put(name, value);
        }
        return flags;
    }

    private static boolean isSwitch(String name) {
        return name.equals("json-logs") || name.equals("keep");
    }

    private static void allow(Map<String, String> flags, String... names) {
        List<String> allowed = List.of(names);
        flags.keySet().stream().filter(f -> !allowed.contains(f)).findFirst().ifPresent(f -> {
            throw new UsageException("unknown option --" + f);
        });
    }

    private static long number(Map<String, String> flags, String name, long fallback) {
        String value = flags.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number: " + value);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }

    /** A command line the devstack does not understand. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
