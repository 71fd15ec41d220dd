package io.mocplatform.reconciler.config;

import io.micronaut.context.annotation.Factory;
import io.mocplatform.jobstore.JobResend;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobResend;
import io.mocplatform.reconciler.domain.ReconcilePolicy;
import io.mocplatform.reconciler.domain.Reconciler;
import io.mocplatform.reconciler.domain.port.JobQueue;
import io.mocplatform.reconciler.domain.port.StaleJobs;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** Wires the plain-Java domain to its adapters and settings. */
@Factory
class ReconcilerFactory {

    @Singleton
    JobResend jobResend(DynamoDbClient dynamoDb, ReconcilerConfiguration config) {
        return new DynamoDbJobResend(dynamoDb, config.jobsTable());
    }

    @Singleton
    Reconciler reconciler(StaleJobs staleJobs, JobResend jobs, JobQueue queue, ReconcilerConfiguration config,
                          Clock clock) {
        return new Reconciler(staleJobs, jobs, queue, new ReconcilePolicy(config.staleAfter(), config.maxPerRun()),
                clock);
    }
}
