package io.mocplatform.dlq;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Lets a test pin the one clock ({@code test.fixed-clock=<instant>}), e.g. to place messages in a storm window. */
@Factory
@Requires(property = "test.fixed-clock")
class FixedClockFactory {

    @Singleton
    @Replaces(Clock.class)
    Clock fixedClock(@Value("${test.fixed-clock}") String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
