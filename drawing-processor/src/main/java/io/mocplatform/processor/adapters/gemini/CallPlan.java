package io.mocplatform.processor.adapters.gemini;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the Gemini calls of one analysis share its time budget: {@code attempts} calls, each limited to
 * {@code callTimeout}, with {@code pauses} between them (the first pause, then doubled). The call timeout is the
 * configured longest call or, when the budget is tighter, the share that makes every attempt and every pause fit:
 * {@code attempts * callTimeout + sum(pauses) <= budget}. So a hanging model costs at most the budget, and the
 * invocation still ends before the platform kills it.
 *
 * @param attempts    calls at most
 * @param callTimeout limit of each call, from sending the request to the last byte of the answer
 * @param pauses      waits before the second, third, … call
 */
record CallPlan(int attempts, Duration callTimeout, List<Duration> pauses) {

    CallPlan {
        pauses = List.copyOf(pauses);
    }

    /**
     * The plan for {@code budget}, or empty when the share of each call would fall below {@code minCallTimeout}
     * (the pipeline should have handed the job on; see {@link #minimumBudget}).
     */
    static Optional<CallPlan> within(Duration budget, int attempts, Duration firstPause, Duration maxCallTimeout,
                                     Duration minCallTimeout) {
        List<Duration> pauses = pauses(attempts, firstPause);
        Duration forCalls = budget.minus(total(pauses));
        Duration share = forCalls.dividedBy(attempts);
        if (share.compareTo(minCallTimeout) < 0) {
            return Optional.empty();
        }
        Duration callTimeout = share.compareTo(maxCallTimeout) < 0 ? share : maxCallTimeout;
        return Optional.of(new CallPlan(attempts, callTimeout, pauses));
    }

    /** The smallest budget with which every attempt still gets {@code minCallTimeout}. */
    static Duration minimumBudget(int attempts, Duration firstPause, Duration minCallTimeout) {
        return minCallTimeout.multipliedBy(attempts).plus(total(pauses(attempts, firstPause)));
    }

    /** The longest this plan can take: every call timing out, every pause waited. */
    Duration worstCase() {
        return callTimeout.multipliedBy(attempts).plus(total(pauses));
    }

    private static List<Duration> pauses(int attempts, Duration firstPause) {
        List<Duration> pauses = new ArrayList<>();
        Duration pause = firstPause;
        for (int i = 1; i < attempts; i++) {
            pauses.add(pause);
            pause = pause.multipliedBy(2);
        }
        return pauses;
    }

    private static Duration total(List<Duration> durations) {
        return durations.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
