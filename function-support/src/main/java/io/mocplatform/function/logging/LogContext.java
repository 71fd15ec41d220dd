package io.mocplatform.function.logging;

import org.slf4j.MDC;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The structured fields every log line of an invocation carries (as MDC entries, written as JSON fields by the
 * logback configuration): {@code function}, {@code cold_start}, {@code correlation_id}, {@code job_id}.
 * Open one scope per invocation (or per SQS record) with try-with-resources.
 */
public final class LogContext implements AutoCloseable {

    public static final String FUNCTION = "function";
    public static final String COLD_START = "cold_start";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String JOB_ID = "job_id";
    public static final String REQUEST_ID = "request_id";

    private static final AtomicBoolean FIRST_INVOCATION = new AtomicBoolean(true);

    private LogContext(String function, String correlationId) {
        MDC.put(FUNCTION, function);
        MDC.put(COLD_START, Boolean.toString(FIRST_INVOCATION.getAndSet(false)));
        put(CORRELATION_ID, correlationId);
    }

    /** Starts the logging scope of one invocation; the first one in this JVM is marked as a cold start. */
    public static LogContext open(String function, String correlationId) {
        return new LogContext(function, correlationId);
    }

    /** Adds or replaces a field for the rest of the scope; null values are left out. */
    public LogContext put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
        return this;
    }

    /**
     * Marks the next invocation as a cold start again. SnapStart priming runs synthetic invocations before the
     * snapshot; the first real invocation after a restore is still the cold one.
     */
    public static void markNextInvocationCold() {
        FIRST_INVOCATION.set(true);
    }

    /** The correlation id of the scope in progress on this thread, if any. */
    public static String currentCorrelationId() {
        return MDC.get(CORRELATION_ID);
    }

    @Override
    public void close() {
        MDC.clear();
    }
}
