package io.mocplatform.dlq.domain.port;

import io.mocplatform.dlq.domain.MessageClaim;
import io.mocplatform.dlq.domain.WindowCounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Shared state that keeps alerts to one per poison message, one per unknown job and one per storm, across redeliveries and Lambda
 * containers running at the same time. Every write is a single conditional write.
 *
 * <p>A claim is a lease, not a record of delivery: it is confirmed once the alert was published. A claim that
 * stays unconfirmed past {@code staleBefore} belongs to an invocation that died between claiming and confirming,
 * and the next caller may take it over, so an alert is never lost to a crash (at worst it is sent twice).
 */
public interface AlertLedger {

    /**
     * Claims the alert for a dead message without a job row, under {@code subject}: what the alert is about
     * ({@code message#<message id>} for a poison message, {@code unknown-job#<job id>} for a job the table does not
     * know). Won when there is no claim, or when the claim there was made before {@code staleBefore} and never
     * confirmed.
     */
    MessageClaim claimAlert(String subject, Instant claimedAt, Instant staleBefore, Instant expiresAt);

    /** Records that the subject's alert was published, if the claim is still the one made at {@code claimedAt}. */
    void confirmAlert(String subject, Instant claimedAt, Instant sentAt);

    /** Gives a subject's claim back (its alert could not be sent), if it is still the one made at {@code claimedAt}. */
    void releaseAlert(String subject, Instant claimedAt);

    /** Counts one more dead message of the given error type in the window and returns the window's counts. */
    WindowCounts countDeadMessage(Instant windowStart, Instant windowEnd, String errorType, Instant expiresAt);

    /**
     * Claims the window's one storm alert, with the same rule as {@link #claimMessageAlert}: the window's counts
     * when this caller won, empty when the alert is confirmed or claimed since {@code staleBefore}.
     */
    Optional<WindowCounts> claimStormAlert(Instant windowStart, Instant claimedAt, Instant staleBefore);

    /** Records that the storm alert was published, if the claim is still the one made at {@code claimedAt}. */
    void confirmStormAlert(Instant windowStart, Instant claimedAt, Instant sentAt);

    /** Gives the storm claim back (its alert could not be sent), if it is still the one made at {@code claimedAt}. */
    void releaseStormAlert(Instant windowStart, Instant claimedAt);
}
