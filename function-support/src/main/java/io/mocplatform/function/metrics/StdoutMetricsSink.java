package io.mocplatform.function.metrics;

import jakarta.inject.Singleton;

/** Writes EMF documents as raw lines on standard output, where the Lambda log agent picks them up. */
@Singleton
public class StdoutMetricsSink implements MetricsSink {

    @Override
    public void write(String emfJson) {
        System.out.println(emfJson);
    }
}
