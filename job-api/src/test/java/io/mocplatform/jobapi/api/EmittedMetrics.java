package io.mocplatform.jobapi.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.mocplatform.function.metrics.MetricsSink;
import io.mocplatform.function.metrics.StdoutMetricsSink;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The EMF documents of a context started with {@code test.capture-metrics=true}, kept instead of printed. */
@Singleton
@Replaces(StdoutMetricsSink.class)
@Requires(property = "test.capture-metrics", value = "true")
public class EmittedMetrics implements MetricsSink {

    private final List<String> documents = new CopyOnWriteArrayList<>();

    @Override
    public void write(String emfJson) {
        documents.add(emfJson);
    }

    /** The documents that carry a metric named {@code metric}, in the order they were written. */
    public List<String> withMetric(String metric) {
        return documents.stream().filter(d -> d.contains("\"Name\":\"" + metric + "\"")).toList();
    }
}
