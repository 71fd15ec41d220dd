package io.mocplatform.dlq.domain.port;

import io.mocplatform.dlq.domain.AlertPublishException;
import io.mocplatform.dlq.domain.Notification;

/** Where alerts for the on-call engineer go. */
public interface AlertPublisher {

    /**
     * Sends the alert.
     *
     * @throws AlertPublishException when it could not be sent; the caller must not consider it delivered
     */
    void publish(Notification notification);
}
