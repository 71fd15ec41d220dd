package io.mocplatform.dlq.config;

import io.micronaut.context.annotation.Factory;
import io.mocplatform.dlq.domain.DeadLetterPolicy;
import io.mocplatform.dlq.domain.DeadLetterService;
import io.mocplatform.dlq.domain.port.AlertLedger;
import io.mocplatform.dlq.domain.port.AlertPublisher;
import io.mocplatform.jobstore.JobDeadLetter;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobDeadLetter;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** Wires the plain-Java domain to its adapters and settings. */
@Factory
class DlqFactory {

    @Singleton
    JobDeadLetter jobDeadLetter(DynamoDbClient dynamoDb, DlqConfiguration config) {
        return new DynamoDbJobDeadLetter(dynamoDb, config.jobsTable());
    }

    @Singleton
    DeadLetterPolicy deadLetterPolicy(DlqConfiguration config) {
        return new DeadLetterPolicy(config.environment(), config.jobsQueueArn(), config.jobsDlqArn(),
                config.stormThreshold(), config.stormWindow(), config.runbookUrl(), config.rawBodyLimit(),
                config.markerRetention(), config.claimTimeout());
    }

    @Singleton
    DeadLetterService deadLetterService(JobDeadLetter jobs, AlertLedger ledger, AlertPublisher publisher,
                                        DeadLetterPolicy policy, Clock clock) {
        return new DeadLetterService(jobs, ledger, publisher, policy, clock);
    }
}
