package io.mocplatform.processor.config;

import io.micronaut.context.annotation.Factory;
import io.mocplatform.jobstore.JobLease;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobLease;
import io.mocplatform.processor.domain.BackoffPolicy;
import io.mocplatform.processor.domain.DrawingJobProcessor;
import io.mocplatform.processor.domain.ProcessingPolicy;
import io.mocplatform.processor.domain.port.DrawingAnalyzer;
import io.mocplatform.processor.domain.port.DrawingStore;
import io.mocplatform.processor.domain.port.PageStore;
import io.mocplatform.processor.domain.port.PdfReader;
import io.mocplatform.processor.domain.port.ResultStore;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** Wires the plain-Java pipeline to its adapters. */
@Factory
class ProcessorFactory {

    @Singleton
    JobLease jobLease(DynamoDbClient dynamoDb, ProcessorConfiguration config) {
        return new DynamoDbJobLease(dynamoDb, config.jobsTable());
    }

    @Singleton
    DrawingJobProcessor drawingJobProcessor(JobLease jobs, DrawingStore drawings, PdfReader pdfReader,
                                            PageStore pages, ResultStore results, DrawingAnalyzer analyzer,
                                            ProcessorConfiguration config, Clock clock) {
        ProcessingPolicy policy = new ProcessingPolicy(config.maxPages(), config.maxBytes(), config.dpi(),
                config.maxPagePixels(), config.leaseDuration(),
                config.pageReaders() > 0 ? config.pageReaders() : Runtime.getRuntime().availableProcessors());
        // Jitter must differ between containers, so it is drawn per call rather than from a seeded generator.
        BackoffPolicy backoff = new BackoffPolicy(config.backoffBase(), config.backoffCap(),
                () -> ThreadLocalRandom.current().nextDouble());
        return new DrawingJobProcessor(jobs, drawings, pdfReader, pages, results, analyzer, policy, backoff, clock);
    }
}
