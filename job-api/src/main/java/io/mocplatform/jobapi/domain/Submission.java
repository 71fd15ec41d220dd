package io.mocplatform.jobapi.domain;

import io.mocplatform.model.job.Job;

/**
 * The job a submission resolved to.
 *
 * @param job      the job, as stored
 * @param replayed true when an earlier request with the same idempotency key created it
 */
public record Submission(Job job, boolean replayed) {
}
