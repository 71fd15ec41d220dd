package io.mocplatform.reconciler.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.mocplatform.reconciler.domain.ReconcileReport;

import java.util.List;

/** The function's response: what one run found and did (see {@link ReconcileReport}). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ReconcileSummaryView(int staleQueued, int staleProcessing, List<String> requeued, int sendFailures,
                               int skipped) {

    static ReconcileSummaryView of(ReconcileReport report) {
        return new ReconcileSummaryView(report.staleQueued(), report.staleProcessing(), report.requeued(),
                report.sendFailures(), report.skipped());
    }
}
