package io.mocplatform.model.job;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Pages processed so far out of the drawing's total. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record JobProgress(int pagesDone, int pagesTotal) {

    public JobProgress {
        if (pagesDone < 0 || pagesTotal < 0 || pagesDone > pagesTotal) {
            throw new IllegalArgumentException("progress must satisfy 0 <= pages_done <= pages_total, got "
                    + pagesDone + "/" + pagesTotal);
        }
    }

    /** Progress with no page known yet. */
    public static JobProgress none() {
        return new JobProgress(0, 0);
    }
}
