package io.mocplatform.testkit.architecture.broken.api;

import io.mocplatform.function.sqs.SqsBatch;

/** Breaks the naming table: settles SQS messages but is not named a Consumer. */
class OrderProcessor {

    SqsBatch.Outcome handle(String message) {
        return null;
    }
}
