package io.mocplatform.reconciler.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * When a job counts as forgotten, and how much one run may do.
 *
 * @param staleAfter a job {@code queued}, or {@code processing} without a live lease, unchanged for longer than this
 *                   has lost its message: longer than the queue's visibility timeout, so a message that is only
 *                   in flight or backing off has come back by then
 * @param maxPerRun  jobs requeued per status and run at most, so a backlog is worked off over a few runs instead
 *                   of flooding the queue in one
 */
public record ReconcilePolicy(Duration staleAfter, int maxPerRun) {

    public ReconcilePolicy {
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive: " + staleAfter);
        }
        if (maxPerRun < 1) {
            throw new IllegalArgumentException("maxPerRun must be positive: " + maxPerRun);
        }
    }
}
