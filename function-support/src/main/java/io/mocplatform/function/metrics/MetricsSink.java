package io.mocplatform.function.metrics;

/**
 * Where finished EMF documents go. In Lambda they must be raw lines on standard output (CloudWatch Logs turns
 * them into metrics); tests replace this bean to read what was emitted.
 */
@FunctionalInterface
public interface MetricsSink {

    /** Writes one serialized EMF document. */
    void write(String emfJson);
}
