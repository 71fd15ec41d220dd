package io.mocplatform.testkit.faults;

/** What an injected fault does to one request. */
public enum FaultKind {
    /** Answered with the service's throttling error; the request never reaches the emulator. */
    THROTTLE,
    /** Answered with the service's 500 internal error; the request never reaches the emulator. */
    SERVER_ERROR,
    /** Held back for the plan's slow delay, then served by the emulator as usual. */
    SLOW
}
