package io.mocplatform.jobapi.api;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.mocplatform.function.aws.AwsClientsFactory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, except that no two readings are within the same millisecond (the precision of the stored
 * timestamps): jobs submitted one after another sort in submission order, with no sleep between them.
 */
final class TickingClock extends Clock {

    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);

    @Override
    public Instant instant() {
        Instant now = Instant.now();
        return last.updateAndGet(previous -> now.isAfter(previous.plusMillis(1)) ? now : previous.plusMillis(1));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }

    /** Puts the ticking clock in a job API context that sets {@code test.ticking-clock=true}. */
    @Factory
    @Requires(property = "test.ticking-clock", value = "true")
    static class InContext {

        @Singleton
        @Replaces(value = Clock.class, factory = AwsClientsFactory.class)
        Clock tickingClock() {
            return new TickingClock();
        }
    }
}
