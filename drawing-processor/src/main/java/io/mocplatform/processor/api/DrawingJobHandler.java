package io.mocplatform.processor.api;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.mocplatform.function.sqs.SqsBatch;
import jakarta.inject.Inject;

/**
 * Lambda entry point for the drawing-jobs queue (batch size 1, {@code ReportBatchItemFailures}). Each record is
 * handled on its own; only records that must come back are reported as failures.
 */
public class DrawingJobHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

    @Inject
    DrawingJobConsumer consumer;

    /** What Lambda calls. */
    public DrawingJobHandler() {
    }

    /** What tests and the devstack call, with their own context. */
    public DrawingJobHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public SQSBatchResponse execute(SQSEvent event) {
        return SqsBatch.process(event, consumer::handle);
    }
}
