package io.mocplatform.testkit;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.job.StaleJobException;
import io.mocplatform.jobstore.dynamodb.DynamoDbJobStore;
import io.mocplatform.jobstore.dynamodb.JobTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared job store against DynamoDB Local: versioned writes, removed fields, missing rows. */
@WithLocalAws
class DynamoDbJobStoreIT {

    /**
     * The real clock, not a fixed date: the jobs table has TTL on, and a row whose 30-day expiry is already past
     * is deleted by DynamoDB Local's TTL sweeper in the middle of a test.
     */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final DynamoDbJobStore store;
    private final DynamoDbEnhancedClient enhanced;
    private final String table;

    DynamoDbJobStoreIT(LocalAwsEnvironment env, DynamoDbEnhancedClient enhanced) {
        this.enhanced = enhanced;
        this.table = env.resources().jobsTable();
        this.store = new DynamoDbJobStore(enhanced, table);
    }

    private Job stored(String jobId) {
        enhanced.table(table, JobTable.SCHEMA).putItem(
                Job.queued(jobId, "user-1", "drawing-1", "drawings/user-1/drawing-1.pdf", NOW, "corr-1", null, null));
        return store.find(jobId).orElseThrow();
    }

    @Test
    void shouldMoveTheVersionOn_whenTheWriteWins() {
        Job read = stored("job_1_store_wins");

        Job written = store.update(read.toBuilder().status(JobStatus.PROCESSING).build());

        assertThat(written.version()).isEqualTo(read.version() + 1);
        assertThat(store.find("job_1_store_wins").orElseThrow().status()).isEqualTo(JobStatus.PROCESSING);
    }

    @Test
    void shouldRefuseTheWrite_whenAnotherWriterCameFirst() {
        Job first = stored("job_1_store_race");
        Job second = store.find("job_1_store_race").orElseThrow();
        store.update(first.toBuilder().status(JobStatus.COMPLETED).build());

        assertThatThrownBy(() -> store.update(second.toBuilder().status(JobStatus.FAILED).build()))
                .isInstanceOf(StaleJobException.class).hasMessageContaining("job_1_store_race");
        assertThat(store.find("job_1_store_race").orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void shouldRemoveClearedFields_whenTheyAreWrittenAsNull() {
        Job leased = store.update(stored("job_1_store_clear").toBuilder().leaseOwner("delivery-1").build());

        store.update(leased.toBuilder().leaseOwner(null).build());

        assertThat(store.find("job_1_store_clear").orElseThrow().leaseOwner()).isNull();
    }

    @Test
    void shouldFindNothingAndRefuseTheWrite_whenTheRowDoesNotExist() {
        Job ghost = Job.queued("job_1_store_ghost", "user-1", "d", "k", NOW, "c", null, null).toBuilder()
                .version(3L).build();

        assertThat(store.find("job_1_store_ghost")).isEmpty();
        assertThatThrownBy(() -> store.update(ghost)).isInstanceOf(StaleJobException.class);
    }
}
