package io.mocplatform.jobapi.config;

import io.micronaut.context.annotation.Factory;
import io.mocplatform.jobapi.domain.DrawingService;
import io.mocplatform.jobapi.domain.JobPolicy;
import io.mocplatform.jobapi.domain.JobService;
import io.mocplatform.jobapi.domain.port.DrawingStore;
import io.mocplatform.jobapi.domain.port.JobQueue;
import io.mocplatform.jobapi.domain.port.JobRepository;
import io.mocplatform.model.IdGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Builds the plain-Java domain services from the adapters and configuration, so the domain needs no DI annotations. */
@Factory
public class JobApiFactory {

    @Singleton
    JobPolicy jobPolicy(JobApiConfiguration config) {
        return new JobPolicy(config.maxUploadBytes(), config.uploadUrlTtl(), config.downloadUrlTtl(),
                config.idempotencyTtl());
    }

    @Singleton
    JobService jobService(JobRepository jobs, DrawingStore drawings, JobQueue queue, Clock clock, IdGenerator ids,
                          JobPolicy policy) {
        return new JobService(jobs, drawings, queue, clock, ids, policy);
    }

    @Singleton
    DrawingService drawingService(DrawingStore drawings, IdGenerator ids, JobPolicy policy) {
        return new DrawingService(drawings, ids, policy);
    }
}
