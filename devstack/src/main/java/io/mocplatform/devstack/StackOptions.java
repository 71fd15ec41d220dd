package io.mocplatform.devstack;

import io.mocplatform.testkit.faults.FaultPlan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the stack.
 *
 * @param port              API port on 127.0.0.1 (0: a free one); the emulators take the next four ports, or free
 *                          ones when this is 0
 * @param dataDir           where every emulator, the signing key and the logs keep their state
 * @param environment       environment name in the resource names ({@code Jobs-local}, ...)
 * @param region            region the functions and clients use
 * @param jsonLogs          raw JSON lines instead of readable ones
 * @param visibilityTimeout the drawing-jobs queue's visibility timeout locally (1800 s in AWS): short, so a failed
 *                          delivery is retried, and a poison message dead-lettered, within a minute
 * @param processorTimeout  the drawing processor's invocation timeout (900 s, as in AWS)
 * @param apiTimeout        the API functions' timeout (API Gateway gives up at 30 s)
 * @param dlqHandlerTimeout the dead-letter handler's timeout
 * @param faults            the share of the functions' calls to each service answered with that service's
 *                          throttling or 500, or held back ({@code --faults dynamodb=0.1,s3=0.05}); none by default
 */
public record StackOptions(int port, Path dataDir, String environment, String region, boolean jsonLogs,
                           Duration visibilityTimeout, Duration processorTimeout, Duration apiTimeout,
                           Duration dlqHandlerTimeout, FaultPlan faults) {

    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATA_DIR = Path.of(".devstack");

    public StackOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(faults, "faults");
        if (port < 0 || port > 65_535 - 4) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The defaults: port 8080, {@code .devstack}, environment {@code local}, eu-west-2, readable logs. */
    public static StackOptions defaults() {
        return new StackOptions(DEFAULT_PORT, DEFAULT_DATA_DIR, "local", "eu-west-2", false, Duration.ofSeconds(5),
                Duration.ofSeconds(900), Duration.ofSeconds(29), Duration.ofSeconds(60), FaultPlan.NONE);
    }

    public StackOptions withPort(int value) {
        return new StackOptions(value, dataDir, environment, region, jsonLogs, visibilityTimeout, processorTimeout,
                apiTimeout, dlqHandlerTimeout, faults);
    }

    public StackOptions withDataDir(Path value) {
        return new StackOptions(port, value, environment, region, jsonLogs, visibilityTimeout, processorTimeout,
                apiTimeout, dlqHandlerTimeout, faults);
    }

    public StackOptions withJsonLogs(boolean value) {
        return new StackOptions(port, dataDir, environment, region, value, visibilityTimeout, processorTimeout,
                apiTimeout, dlqHandlerTimeout, faults);
    }

    public StackOptions withVisibilityTimeout(Duration value) {
        return new StackOptions(port, dataDir, environment, region, jsonLogs, value, processorTimeout, apiTimeout,
                dlqHandlerTimeout, faults);
    }

    public StackOptions withProcessorTimeout(Duration value) {
        return new StackOptions(port, dataDir, environment, region, jsonLogs, visibilityTimeout, value, apiTimeout,
                dlqHandlerTimeout, faults);
    }

    public StackOptions withFaults(FaultPlan value) {
        return new StackOptions(port, dataDir, environment, region, jsonLogs, visibilityTimeout, processorTimeout,
                apiTimeout, dlqHandlerTimeout, value);
    }
}
