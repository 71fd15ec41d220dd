package io.mocplatform.jobapi.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The answer to {@code POST /process-drawing} and {@code POST /jobs/{job_id}/retry}: the job to poll. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record JobAcceptedView(String jobId, String status) {
}
