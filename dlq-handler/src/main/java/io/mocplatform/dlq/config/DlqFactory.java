package io.mocplatform.dlq.config;

import io.micronaut.context.annotation.Factory;
import io.mocplatform.dlq.domain.DeadLetterPolicy;
import io.mocplatform.dlq.domain.DeadLetterService;
import io.mocplatform.dlq.domain.port.AlertLedger;
import io.mocplatform.dlq.domain.port.AlertPublisher;
import io.mocplatform.model.job.JobStore;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobStore;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.time.Clock;

/** Wires the plain-Java domain to its adapters and settings. */
@Factory
class DlqFactory {

    @Singleton
    JobStore jobStore(DynamoDbEnhancedClient dynamoDb, DlqConfiguration config) {
        return new DynamoDbJobStore(dynamoDb, config.jobsTable());
    }

    @Singleton
    DeadLetterPolicy deadLetterPolicy(DlqConfiguration config) {
        return new DeadLetterPolicy(config.environment(), config.jobsQueueArn(), config.jobsDlqArn(),
                config.stormThreshold(), config.stormWindow(), config.runbookUrl(), config.rawBodyLimit(),
                config.markerRetention(), config.claimTimeout());
    }

    @Singleton
    DeadLetterService deadLetterService(JobStore jobs, AlertLedger ledger, AlertPublisher publisher,
                                        DeadLetterPolicy policy, Clock clock) {
        return new DeadLetterService(jobs, ledger, publisher, policy, clock);
    }
}
