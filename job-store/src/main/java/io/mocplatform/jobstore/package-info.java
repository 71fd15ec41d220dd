/**
 * The Jobs table as its writers see it, free of the AWS SDK: one interface per owner of a set of attributes
 * ({@link io.mocplatform.jobstore.JobIntake} for the job-api, ...), each write conditioned on the state its owner
 * depends on and answering a {@link io.mocplatform.jobstore.JobWrite} instead of throwing when that state is gone.
 * The DynamoDB implementations are in {@code io.mocplatform.jobstore.dynamodb}.
 */
package io.mocplatform.jobstore;
