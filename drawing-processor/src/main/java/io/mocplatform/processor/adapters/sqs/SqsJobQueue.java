package io.mocplatform.processor.adapters.sqs;

import io.micronaut.json.JsonMapper;
import io.mocplatform.function.sqs.JobMessages;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.processor.config.ProcessorConfiguration;
import io.mocplatform.processor.domain.port.JobQueue;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;

/** The drawing-jobs queue: continuations and visibility changes. */
@Singleton
class SqsJobQueue implements JobQueue {

    private final SqsClient sqs;
    private final JsonMapper json;
    private final String queueUrl;

    SqsJobQueue(SqsClient sqs, JsonMapper json, ProcessorConfiguration config) {
        this.sqs = sqs;
        this.json = json;
        this.queueUrl = config.jobsQueueUrl();
    }

    @Override
    public void handOn(DrawingJobMessage message) {
        JobMessages.send(sqs, json, queueUrl, message);
    }

    @Override
    public void delayRedelivery(String receiptHandle, Duration delay) {
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle)
                .visibilityTimeout((int) Math.max(0, delay.toSeconds())));
    }
}
