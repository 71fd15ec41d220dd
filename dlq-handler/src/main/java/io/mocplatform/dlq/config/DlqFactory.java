package io.mocplatform.dlq.config;

import io.micronaut.context.annotation.Factory;
import io.mocplatform.dlq.domain.DeadLetterPolicy;
import io.mocplatform.dlq.domain.DeadLetterService;
import io.mocplatform.dlq.domain.port.AlertLedger;
import io.mocplatform.dlq.domain.port.AlertPublisher;
import io.mocplatform.dlq.domain.port.JobRepository;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the plain-Java domain to its adapters and settings. */
@Factory
class DlqFactory {

    @Singleton
    DeadLetterPolicy deadLetterPolicy(DlqConfiguration config) {
        return new DeadLetterPolicy(config.environment(), config.jobsQueueArn(), config.jobsDlqArn(),
                config.stormThreshold(), config.stormWindow(), config.runbookUrl(), config.rawBodyLimit(),
                config.markerRetention());
    }

    @Singleton
    DeadLetterService deadLetterService(JobRepository jobs, AlertLedger ledger, AlertPublisher publisher,
                                        DeadLetterPolicy policy, Clock clock) {
        return new DeadLetterService(jobs, ledger, publisher, policy, clock);
    }
}
