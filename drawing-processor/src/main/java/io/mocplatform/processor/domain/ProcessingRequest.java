package io.mocplatform.processor.domain;

import io.mocplatform.model.queue.DrawingJobMessage;

import java.util.Objects;

/**
 * One delivery of a job message.
 *
 * @param message      the parsed message
 * @param deliveryId   identifies this message (not the job): it becomes the lease owner, so a redelivery of the
 *                     same message may take back a lease its earlier receive left behind
 * @param receiveCount how many times SQS has delivered this message, this time included
 */
public record ProcessingRequest(DrawingJobMessage message, String deliveryId, int receiveCount) {

    public ProcessingRequest {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(deliveryId, "delivery id");
        receiveCount = Math.max(1, receiveCount);
    }
}
