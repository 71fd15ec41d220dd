package io.mocplatform.processor.domain.port;

import io.mocplatform.processor.domain.Analysis;

/** Where the component schedule is published for the client. */
public interface ResultStore {

    /** Writes the schedule as JSON and CSV and returns their keys. */
    ScheduleKeys saveSchedule(String jobId, Analysis analysis);

    /** Where the schedule was written. */
    record ScheduleKeys(String jsonKey, String csvKey) {
    }
}
