package io.mocplatform.jobapi.domain;

import io.mocplatform.model.job.Job;

import java.net.URI;
import java.time.Instant;

/**
 * A job as its owner sees it: the stored job and, once completed, short-lived links to its result.
 *
 * @param job              the stored job
 * @param scheduleJsonUrl  presigned download of the schedule as JSON, or null
 * @param scheduleCsvUrl   presigned download of the schedule as CSV, or null
 * @param linksExpireAt    when the links stop working, or null without links
 */
public record JobDetails(Job job, URI scheduleJsonUrl, URI scheduleCsvUrl, Instant linksExpireAt) {

    /** A job without result links. */
    public static JobDetails of(Job job) {
        return new JobDetails(job, null, null, null);
    }
}
