package io.mocplatform.reconciler.domain.port;

import io.mocplatform.model.queue.DrawingJobMessage;

/** The queue the drawing processor consumes. */
public interface JobQueue {

    /**
     * Sends the message (with the job and correlation ids alongside, as job-api sends it).
     *
     * @throws QueueUnavailableException when the queue did not accept it
     */
    void enqueue(DrawingJobMessage message);
}
