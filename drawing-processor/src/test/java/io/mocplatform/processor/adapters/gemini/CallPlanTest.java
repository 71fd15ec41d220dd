package io.mocplatform.processor.adapters.gemini;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CallPlanTest {

    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final Duration LONGEST_CALL = Duration.ofSeconds(120);
    private static final Duration SHORTEST_CALL = Duration.ofSeconds(20);

    @Test
    void shouldGiveEachCallTheConfiguredLimit_whenAWholeInvocationIsLeft() {
        // 900 s function timeout less the 60 s safety margin.
        CallPlan plan = CallPlan.within(Duration.ofSeconds(840), 3, PAUSE, LONGEST_CALL, SHORTEST_CALL).orElseThrow();

        assertThat(plan.callTimeout()).isEqualTo(LONGEST_CALL);
        assertThat(plan.pauses()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(plan.worstCase()).isEqualTo(Duration.ofSeconds(366));
    }

    @Test
    void shouldShareTheBudget_whenThreeFullCallsWouldNotFit() {
        CallPlan plan = CallPlan.within(Duration.ofSeconds(240), 3, PAUSE, LONGEST_CALL, SHORTEST_CALL).orElseThrow();

        assertThat(plan.callTimeout()).isEqualTo(Duration.ofSeconds(78));
        assertThat(plan.worstCase()).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void shouldFitEveryAttemptAndPauseInTheBudget_forEveryBudgetItAccepts() {
        Duration minimum = CallPlan.minimumBudget(3, PAUSE, SHORTEST_CALL);
        assertThat(minimum).isEqualTo(Duration.ofSeconds(66));
        for (long millis = 0; millis <= 900_000; millis += 997) {
            Duration budget = Duration.ofMillis(millis);
            var plan = CallPlan.within(budget, 3, PAUSE, LONGEST_CALL, SHORTEST_CALL);
            assertThat(plan.isPresent()).as("plan for %s", budget).isEqualTo(budget.compareTo(minimum) >= 0);
            plan.ifPresent(p -> {
                assertThat(p.worstCase()).as("worst case for %s", budget).isLessThanOrEqualTo(budget);
                assertThat(p.callTimeout()).isBetween(SHORTEST_CALL, LONGEST_CALL);
            });
        }
    }
}
