package io.mocplatform.jobapi.domain.port;

import io.mocplatform.model.queue.DrawingJobMessage;

/** The queue the drawing processor consumes. */
public interface JobQueue {

    /**
     * Sends the message (with the correlation id, job id and the current trace header alongside).
     *
     * @throws QueueUnavailableException when the queue did not accept it
     */
    void enqueue(DrawingJobMessage message);
}
