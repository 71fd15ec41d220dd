package io.mocplatform.reconciler.domain;

import java.util.List;

/**
 * What one run found and did.
 *
 * @param staleQueued     {@code queued} jobs older than the threshold, confirmed on the table
 * @param staleProcessing {@code processing} jobs unchanged for longer than the threshold with no live lease
 * @param requeued        ids of jobs whose message was sent again
 * @param sendFailures    jobs whose message the queue did not take (found again at the next run)
 * @param skipped         candidates from the index that had moved on when read from the table
 */
public record ReconcileReport(int staleQueued, int staleProcessing, List<String> requeued, int sendFailures,
                              int skipped) {

    public ReconcileReport {
        requeued = List.copyOf(requeued);
    }

    /** Stale jobs found, whatever happened to them. */
    public int found() {
        return staleQueued + staleProcessing;
    }
}
