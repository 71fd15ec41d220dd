package io.mocplatform.dlq.domain.port;

import io.mocplatform.dlq.domain.WindowCounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Shared state that keeps alerts to one per message and one per storm, across redeliveries and Lambda
 * containers running at the same time. Every method is a single conditional write.
 */
public interface AlertLedger {

    /** Claims the alert for a message that names no job row; false when it was claimed before. */
    boolean claimMessageAlert(String messageId, Instant claimedAt, Instant expiresAt);

    /** Gives a message claim back (its alert could not be sent), if it is still the one made at {@code claimedAt}. */
    void releaseMessageAlert(String messageId, Instant claimedAt);

    /** Counts one more dead message of the given error type in the window and returns the window's counts. */
    WindowCounts countDeadMessage(Instant windowStart, Instant windowEnd, String errorType, Instant expiresAt);

    /** Claims the window's one storm alert; the window's counts when this caller won, empty otherwise. */
    Optional<WindowCounts> claimStormAlert(Instant windowStart, Instant claimedAt);

    /** Gives the storm claim back (its alert could not be sent), if it is still the one made at {@code claimedAt}. */
    void releaseStormAlert(Instant windowStart, Instant claimedAt);
}
