package io.mocplatform.function.snapstart;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.crac.OrderedResource;
import io.micronaut.crac.test.CheckpointSimulator;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The seam as a function gets it: a Primer bean, micronaut-crac's registration, and the checkpoint hooks. */
class PrimingWiringTest {

    private static final String SPEC = "PrimingWiringTest";

    @BeforeEach
    void reset() {
        CountingPrimer.CREATED.set(0);
        CountingPrimer.RUNS.set(0);
    }

    @Test
    void shouldNeitherCreateNorRunPrimers_whenTheFunctionStartsWithoutACheckpoint() {
        try (ApplicationContext context = start(Map.of())) {
            assertThat(context.getBeansOfType(OrderedResource.class)).hasAtLeastOneElementOfType(PrimingResource.class);
            assertThat(CountingPrimer.CREATED).hasValue(0);
            assertThat(CountingPrimer.RUNS).hasValue(0);
        }
    }

    @Test
    void shouldRunTheFunctionsPrimerOnce_whenMicronautCracTakesTheCheckpoint() {
        try (ApplicationContext context = start(Map.of())) {
            CheckpointSimulator simulator = context.getBean(CheckpointSimulator.class);

            simulator.runBeforeCheckpoint();
            simulator.runAfterRestore();

            assertThat(CountingPrimer.RUNS).hasValue(1);
            assertThat(context.getBean(PrimingResource.class).lastReport().steps())
                    .extracting(PrimingReport.Step::primer).containsExactly("counting");
        }
    }

    @Test
    void shouldRemoveTheHooks_whenPrimingIsSwitchedOff() {
        try (ApplicationContext context = start(Map.of("snapstart.priming.enabled", "false"))) {
            context.getBean(CheckpointSimulator.class).runBeforeCheckpoint();

            assertThat(context.containsBean(PrimingResource.class)).isFalse();
            assertThat(CountingPrimer.RUNS).hasValue(0);
        }
    }

    private static ApplicationContext start(Map<String, Object> extra) {
        java.util.HashMap<String, Object> properties = new java.util.HashMap<>(extra);
        properties.put("spec.name", SPEC);
        // The checkpoint simulator is a test-environment bean of micronaut-crac.
        return ApplicationContext.builder().environments("test").properties(properties).start();
    }

    @Singleton
    @Requires(property = "spec.name", value = SPEC)
    static class CountingPrimer implements Primer {
        static final AtomicInteger CREATED = new AtomicInteger();
        static final AtomicInteger RUNS = new AtomicInteger();

        CountingPrimer() {
            CREATED.incrementAndGet();
        }

        @Override
        public void prime() {
            RUNS.incrementAndGet();
        }

        @Override
        public String name() {
            return "counting";
        }
    }
}
