package io.mocplatform.function.metrics;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;

import java.util.concurrent.CompletableFuture;

/**
 * CloudWatch embedded-metric-format writer, on the aws-embedded-metrics library. Each {@link #start} gives one
 * document (namespace {@code MocPlatform}, dimension {@code function}: the Lambda function's name); put metrics and properties on it and
 * flush it once at the end of the unit of work.
 */
@Singleton
public class Metrics {

    /** CloudWatch namespace of every metric the platform emits. */
    public static final String NAMESPACE = "MocPlatform";

    private final Environment environment;
    private final String function;

    /**
     * The {@code function} dimension is the Lambda function's name where there is one ({@code job-api-prod}), so
     * that alarms of one environment do not count another's metrics; else the application name (tests, devstack).
     */
    @Inject
    public Metrics(MetricsSink sink, @Value("${aws.lambda.function.name:}") String lambdaFunctionName,
                   @Value("${micronaut.application.name:function}") String applicationName) {
        this(sink, lambdaFunctionName.isBlank() ? applicationName : lambdaFunctionName);
    }

    public Metrics(MetricsSink sink, String function) {
        this.function = function;
        this.environment = new SinkEnvironment(sink);
    }

    /** A new metrics document for one unit of work. */
    public Document start() {
        MetricsLogger logger = new MetricsLogger(environment);
        logger.setNamespace(NAMESPACE);
        logger.setDimensions(DimensionSet.of("function", function));
        return new Document(logger, function);
    }

    /** One EMF document being filled. */
    public static final class Document {
        private final MetricsLogger logger;
        private final String function;

        private Document(MetricsLogger logger, String function) {
            this.logger = logger;
            this.function = function;
        }

        /**
         * Adds a second dimension next to {@code function} (e.g. {@code stage}), so that alarms and graphs can
         * split this document's metrics by it. Keep its values few: each one is a separate CloudWatch metric.
         */
        public Document dimension(String name, String value) {
            logger.setDimensions(DimensionSet.of("function", function, name, value));
            return this;
        }

        /** Adds a metric value (repeated names become a list of values). */
        public Document put(String name, double value, Unit unit) {
            logger.putMetric(name, value, unit);
            return this;
        }

        /** Adds a searchable property that is not a metric (e.g. job id, correlation id). */
        public Document property(String name, Object value) {
            if (value != null) {
                logger.putProperty(name, value);
            }
            return this;
        }

        /** Writes the document to the sink. */
        public void flush() {
            logger.flush();
        }
    }

    private record SinkEnvironment(MetricsSink sink) implements Environment, ISink {
        @Override public boolean probe() { return true; }
        @Override public String getName() { return "moc-platform"; }
        @Override public String getType() { return "AWS::Lambda::Function"; }
        @Override public String getLogGroupName() { return ""; }
        @Override public void configureContext(MetricsContext context) { }
        @Override public ISink getSink() { return this; }

        @Override
        public void accept(MetricsContext context) {
            try {
                for (String document : context.serialize()) {
                    sink.write(document);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("metrics could not be serialized", e);
            }
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            return CompletableFuture.completedFuture(null);
        }
    }
}
