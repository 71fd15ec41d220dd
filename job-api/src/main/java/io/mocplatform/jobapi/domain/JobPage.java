package io.mocplatform.jobapi.domain;

import java.util.List;
import java.util.Map;

/**
 * One page of a caller's jobs, newest first.
 *
 * @param items   the jobs on this page
 * @param nextKey where the next page starts (the index key of the last item read), empty at the end
 */
public record JobPage(List<JobDetails> items, Map<String, String> nextKey) {

    public JobPage {
        items = List.copyOf(items);
        nextKey = nextKey == null ? Map.of() : Map.copyOf(nextKey);
    }
}
