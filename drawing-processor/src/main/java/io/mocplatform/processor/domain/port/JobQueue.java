package io.mocplatform.processor.domain.port;

import io.mocplatform.model.queue.DrawingJobMessage;

import java.time.Duration;

/** The drawing-jobs queue, for what the processor does to messages beyond acknowledging them. */
public interface JobQueue {

    /** Queues a continuation of the job (a new message, so the hand-over does not count as a failed receive). */
    void handOn(DrawingJobMessage message);

    /** Keeps the received message hidden for {@code delay} before it is delivered again. */
    void delayRedelivery(String receiptHandle, Duration delay);
}
