package io.mocplatform.function.snapstart;

/**
 * Work that must run after a SnapStart restore and before the first request: refreshing something that is specific
 * to time or to one instance and that the snapshot froze (a cached secret with a lifetime, a pooled connection,
 * a value derived from the start time).
 *
 * <p>Lambda gives the whole restore 10 seconds, so a hook does local work or one quick call. A hook that throws
 * fails the restore: serving with state known to be stale is worse than Lambda starting the instance again.
 */
@FunctionalInterface
public interface RestoreHook {

    /** Refreshes what the snapshot froze. */
    void afterRestore() throws Exception;

    /** Name used in the restore log line; the implementing class by default. */
    default String name() {
        return getClass().getSimpleName();
    }
}
