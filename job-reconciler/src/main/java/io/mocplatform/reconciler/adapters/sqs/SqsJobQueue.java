package io.mocplatform.reconciler.adapters.sqs;

import io.micronaut.serde.ObjectMapper;
import io.mocplatform.function.sqs.JobMessages;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.reconciler.config.ReconcilerConfiguration;
import io.mocplatform.reconciler.domain.port.JobQueue;
import io.mocplatform.reconciler.domain.port.QueueUnavailableException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends job messages as job-api does ({@link JobMessages}); the trace header links the processor's trace to this run. */
@Singleton
class SqsJobQueue implements JobQueue {

    private final SqsClient sqs;
    private final ObjectMapper json;
    private final String queueUrl;

    SqsJobQueue(SqsClient sqs, ObjectMapper json, ReconcilerConfiguration config) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = config.jobsQueueUrl();
    }

    @Override
    public void enqueue(DrawingJobMessage message) {
        try {
            JobMessages.send(sqs, json, queueUrl, message);
        } catch (SdkException e) {
            throw new QueueUnavailableException("the jobs queue did not accept job " + message.jobId(), e);
        }
    }
}
