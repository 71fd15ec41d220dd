package io.mocplatform.dlq;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.mocplatform.dlq.domain.port.AlertPublisher;
import jakarta.inject.Singleton;

/**
 * Lets a test make the function die in the middle of publishing ({@code test.crash-on-publish=true}): the publish
 * throws an {@link Error} that no layer catches, so the invocation ends with no batch response and no clean-up,
 * as a Lambda timeout or an out-of-memory kill would.
 */
@Factory
@Requires(property = "test.crash-on-publish", value = "true")
class CrashingPublisherFactory {

    /** The function's death, as seen by the test that invoked it. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("the function died while publishing the alert");
        }
    }

    @Singleton
    @Replaces(AlertPublisher.class)
    AlertPublisher crashingPublisher() {
        return notification -> {
            throw new SimulatedCrash();
        };
    }
}
