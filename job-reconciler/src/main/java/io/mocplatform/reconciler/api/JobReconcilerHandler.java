package io.mocplatform.reconciler.api;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.mocplatform.function.metrics.Metrics;
import io.mocplatform.reconciler.domain.ReconcileReport;
import io.mocplatform.reconciler.domain.Reconciler;
import jakarta.inject.Inject;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * Lambda entry point of the EventBridge schedule (every few minutes): one reconciliation pass, reported as EMF
 * metrics. {@code JobsRequeued} above zero means messages were lost; the alarm on it pages (see the runbook).
 */
public class JobReconcilerHandler extends MicronautRequestHandler<ScheduledEvent, ReconcileSummaryView> {

    @Inject
    Reconciler reconciler;

    @Inject
    Metrics metrics;

    /** Used by Lambda: starts the application context from application.properties and the environment. */
    public JobReconcilerHandler() {
        super();
    }

    /** Used by tests and the devstack: runs inside a context they built. */
    public JobReconcilerHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public ReconcileSummaryView execute(ScheduledEvent event) {
        ReconcileReport report = reconciler.run();
        metrics.start()
                .put("StaleQueuedJobs", report.staleQueued(), Unit.COUNT)
                .put("StaleProcessingJobs", report.staleProcessing(), Unit.COUNT)
                .put("JobsRequeued", report.requeued().size(), Unit.COUNT)
                .put("RequeueFailures", report.sendFailures(), Unit.COUNT)
                .property("requeued_job_ids", report.requeued())
                .flush();
        return ReconcileSummaryView.of(report);
    }
}
