package io.mocplatform.dlq.api;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.mocplatform.function.sqs.SqsBatch;
import jakarta.inject.Inject;

/**
 * Lambda entry point on the drawing-jobs dead-letter queue (batch up to 10, {@code ReportBatchItemFailures}).
 * Each record is handled on its own; the ones whose alert could not be sent are reported back so SQS delivers
 * them again.
 */
public class DeadLetterHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    DeadLetterConsumer processor;

    /** Used by Lambda: starts the application context from application.properties and the environment. */
    public DeadLetterHandler() {
        super();
    }

    /** Used by tests and the devstack: runs inside a context they built. */
    public DeadLetterHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, processor::process);
    }
}
