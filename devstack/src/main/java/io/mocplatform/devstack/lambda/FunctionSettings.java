package io.mocplatform.devstack.lambda;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How one function is deployed: what Terraform gives it in AWS (handler, timeout, memory, environment variables)
 * plus the emulator endpoints its SDK clients are pointed at locally.
 *
 * @param name        module name in the platform contract, e.g. {@code job-api}
 * @param lambdaName  the function's name as Lambda would report it
 * @param handler     handler class from the contract
 * @param timeout     invocation timeout; the {@code Context} deadline
 * @param memoryMb    memory size reported by the {@code Context}
 * @param region      region in the function's ARN
 * @param environment environment variables, as Terraform sets them
 * @param overrides   Micronaut properties aiming the SDK clients at the emulators
 */
public record FunctionSettings(String name, String lambdaName, String handler, Duration timeout, int memoryMb,
                               String region, Map<String, String> environment, Map<String, Object> overrides) {

    public FunctionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lambdaName, "lambdaName");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(region, "region");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        environment = Map.copyOf(environment);
        overrides = Map.copyOf(overrides);
    }

    String arn() {
        return "arn:aws:lambda:" + region + ":000000000000:function:" + lambdaName;
    }
}
