package io.mocplatform.devstack.schedule;

import io.mocplatform.devstack.lambda.InvocationResult;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * What an EventBridge schedule rule does for a scheduled function: invokes it with a {@code Scheduled Event} at a
 * fixed rate, one invocation at a time (a run that overlaps the next tick delays it, as a function with reserved
 * concurrency 1 would). Failures are logged and the next tick runs again, as the rule keeps firing in AWS.
 */
public final class ScheduleRule implements AutoCloseable {

    /**
     * @param function module name of the function to invoke
     * @param ruleName rule name in the event's resource ARN
     * @param period   time between invocations
     * @param region   region in the event
     */
    public record Settings(String function, String ruleName, Duration period, String region) {

        public Settings {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(ruleName, "ruleName");
            Objects.requireNonNull(region, "region");
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive: " + period);
            }
        }
    }

    private final Settings settings;
    private final BiFunction<String, byte[], InvocationResult> invoker;
    private final Consumer<String> log;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    private ScheduleRule(Settings settings, BiFunction<String, byte[], InvocationResult> invoker,
                         Consumer<String> log, Clock clock) {
        this.settings = settings;
        this.invoker = invoker;
        this.log = log;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("schedule-" + settings.function()).factory());
    }

    /** Starts firing: the first invocation one period from now. */
    public static ScheduleRule start(Settings settings, BiFunction<String, byte[], InvocationResult> invoker,
                                     Consumer<String> log, Clock clock) {
        ScheduleRule rule = new ScheduleRule(settings, invoker, log, clock);
        long millis = settings.period().toMillis();
        rule.timer.scheduleWithFixedDelay(rule::fireQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return rule;
    }

    public Settings settings() {
        return settings;
    }

    /** One invocation now, outside the timer (tests and tools that do not want to wait for the next tick). */
    public InvocationResult fire() {
        return invoker.apply(settings.function(), event());
    }

    private void fireQuietly() {
        try {
            InvocationResult result = fire();
            if (result.status() != InvocationResult.Status.OK) {
                log.accept(settings.function() + " (scheduled): " + result.status() + " " + result.error());
            }
        } catch (RuntimeException e) {
            log.accept(settings.function() + " (scheduled): " + e);
        }
    }

    /** The event EventBridge sends for a schedule rule. */
    byte[] event() {
        String json = """
                {"version":"0","id":"%s","detail-type":"Scheduled Event","source":"aws.events",\
                "account":"000000000000","time":"%s","region":"%s",\
                "resources":["arn:aws:events:%s:000000000000:rule/%s"],"detail":{}}"""
                .formatted(UUID.randomUUID(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        settings.region(), settings.region(), settings.ruleName());
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
