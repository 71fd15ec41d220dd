package io.mocplatform.processor.it;

import io.micronaut.context.annotation.Replaces;
import io.mocplatform.function.metrics.MetricsSink;
import io.mocplatform.function.metrics.StdoutMetricsSink;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the EMF documents a test's function emitted, instead of printing them. */
@Singleton
@Replaces(StdoutMetricsSink.class)
public class CapturingMetricsSink implements MetricsSink {

    private final List<String> documents = new CopyOnWriteArrayList<>();

    @Override
    public void write(String emfJson) {
        documents.add(emfJson);
    }

    public List<String> documents() {
        return List.copyOf(documents);
    }

    public void clear() {
        documents.clear();
    }
}
