package io.mocplatform.dlq.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What an attempt to claim the alert of a message without a job row found.
 *
 * @param state         whether this caller now holds the claim, or why not
 * @param staleClaimAt  when {@code state} is {@link State#CLAIMED} over an earlier claim that was never confirmed:
 *                      when that claim was made (its message was counted in that instant's storm window); else null
 */
public record MessageClaim(State state, Instant staleClaimAt) {

    /** The outcomes of a claim attempt. */
    public enum State {
        /** This caller holds the claim and must publish, then confirm or release it. */
        CLAIMED,
        /** Someone else claimed it recently and has not confirmed it: they are publishing right now. */
        IN_PROGRESS,
        /** The alert was published and confirmed: nothing more to send. */
        CONFIRMED
    }

    public MessageClaim {
        Objects.requireNonNull(state, "state");
    }

    /** A claim won where there was none. */
    public static MessageClaim claimed() {
        return new MessageClaim(State.CLAIMED, null);
    }

    /** A claim won over one made at {@code staleClaimAt} that was never confirmed. */
    public static MessageClaim takenOver(Instant staleClaimAt) {
        return new MessageClaim(State.CLAIMED, staleClaimAt);
    }

    /** A claim lost; {@code confirmed} says whether the alert is known to be out. */
    public static MessageClaim lost(boolean confirmed) {
        return new MessageClaim(confirmed ? State.CONFIRMED : State.IN_PROGRESS, null);
    }
}
