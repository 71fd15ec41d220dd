package io.mocplatform.testkit.architecture.sound.api;

import io.mocplatform.function.sqs.SqsBatch;
import io.mocplatform.testkit.architecture.sound.domain.Order;

/** Settles SQS messages and is named for it; knows only the domain. */
class OrderConsumer {

    SqsBatch.Outcome handle(Order order) {
        return null;
    }
}
