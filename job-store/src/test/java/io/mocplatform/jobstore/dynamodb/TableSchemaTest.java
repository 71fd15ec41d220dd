package io.mocplatform.jobstore.dynamodb;

import io.mocplatform.model.image.ImageMetadata;
import io.mocplatform.model.image.ImageStatus;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobProgress;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobWarning;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TableSchemaTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void shouldStoreAJobUnderSnakeCaseAttributes_andReadItBackUnchanged() {
        Job job = Job.queued("job_1", "alice", "drw_1", "drawings/alice/drw_1.pdf", NOW, "c-1", "key-1", "fp")
                .toBuilder().status(JobStatus.COMPLETED).startedAt(NOW.plusSeconds(2)).currentStage(JobStage.RESULT)
                .stagesCompleted(List.of(JobStage.VALIDATION, JobStage.PDF_PROCESSING))
                .progress(new JobProgress(2, 3)).attempts(2).lastCheckpoint(NOW)
                .result(new JobResult(4, Map.of("card_reader", 3, "camera", 1), "results/job_1/schedule.json",
                        "results/job_1/schedule.csv", "offline", 0, 0, 0.0))
                .error(new JobError("throttled", "slow down", true, JobStage.DRAWING_ANALYSIS))
                .version(3L).build();

        Map<String, AttributeValue> item = JobTable.SCHEMA.itemToMap(job, true);

        assertThat(item.get("status").s()).isEqualTo("completed");
        assertThat(item.get("stages_completed").l()).extracting(AttributeValue::s)
                .containsExactly("validation", "pdf_processing");
        assertThat(item.get("progress").m().get("pages_done").n()).isEqualTo("2");
        assertThat(item.get("result").m().get("counts_by_type").m().get("card_reader").n()).isEqualTo("3");
        assertThat(item.get("created_at").s()).isEqualTo("2026-11-23T10:00:00.000Z");
        assertThat(item.get("started_at").s()).isEqualTo("2026-11-23T10:00:02.000Z");
        assertThat(item).doesNotContainKeys("lease_owner", "alerted_at", "alert_sent_at");
        assertThat(JobTable.SCHEMA.mapToItem(item)).isEqualTo(job);
    }

    @Test
    void shouldStoreResultWarningsWithTheirPages_andLeaveThemOutWhenThereAreNone() {
        JobResult warned = new JobResult(1, Map.of("camera", 1), "results/j/schedule.json", "results/j/schedule.csv",
                "offline", 0, 0, 0.0, 3, List.of(new JobWarning("no_text_layer", "2 pages have no text layer", List.of(2, 5))));
        Job job = Job.queued("job_1", "alice", "drw_1", "k", NOW, "c-1", null, null).toBuilder()
                .status(JobStatus.COMPLETED).result(warned).version(2L).build();

        Map<String, AttributeValue> item = JobTable.SCHEMA.itemToMap(job, true);

        Map<String, AttributeValue> warning = item.get("result").m().get("warnings").l().get(0).m();
        assertThat(warning.get("type").s()).isEqualTo("no_text_layer");
        assertThat(warning.get("pages").l()).extracting(AttributeValue::n).containsExactly("2", "5");
        assertThat(item.get("result").m().get("unclassified_count").n()).isEqualTo("3");
        assertThat(JobTable.SCHEMA.mapToItem(item)).isEqualTo(job);
        Job plain = job.toBuilder().result(new JobResult(1, Map.of("camera", 1), null, null, "offline", 0, 0, 0.0))
                .build();
        assertThat(JobTable.SCHEMA.itemToMap(plain, true).get("result").m()).doesNotContainKey("warnings");
    }

    @Test
    void shouldLeaveStartedAtOutOfTheRow_whileTheJobIsQueued() {
        Job queued = Job.queued("job_1", "alice", "drw_1", "k", NOW, "c-1", null, null).toBuilder().version(1L).build();

        Map<String, AttributeValue> item = JobTable.SCHEMA.itemToMap(queued, true);

        assertThat(item).containsKeys("created_at", "updated_at").doesNotContainKey("started_at");
        assertThat(JobTable.SCHEMA.mapToItem(item).startedAt()).isNull();
    }

    @Test
    void shouldStoreTheAlertClaimAndItsConfirmationAsSortableInstants() {
        Job failed = Job.queued("job_1", "alice", "drw_1", "k", NOW, "c-1", null, null).toBuilder()
                .status(JobStatus.FAILED).alertedAt(NOW.plusSeconds(5)).alertSentAt(NOW.plusMillis(5_250))
                .version(2L).build();

        Map<String, AttributeValue> item = JobTable.SCHEMA.itemToMap(failed, true);

        // Same fixed-width text as every other instant of the row, so operators can compare them by eye or query.
        assertThat(item.get("alerted_at").s()).isEqualTo("2026-11-23T10:00:05.000Z");
        assertThat(item.get("alert_sent_at").s()).isEqualTo("2026-11-23T10:00:05.250Z");
        assertThat(JobTable.SCHEMA.mapToItem(item)).isEqualTo(failed);
        assertThat(JobTable.SCHEMA.mapToItem(JobTable.SCHEMA.itemToMap(failed.toBuilder().alertSentAt(null).build(),
                true))).satisfies(unconfirmed -> {
                    assertThat(unconfirmed.alertedAt()).isEqualTo(NOW.plusSeconds(5));
                    assertThat(unconfirmed.alertSentAt()).isNull();
                });
    }

    @Test
    void shouldDeriveImageKeysFromTheRecord_andKeepAlbumIndexSparse() {
        ImageMetadata image = ImageMetadata.builder().imageId("img_1").owner("alice").status(ImageStatus.ACTIVE)
                .objectKey("images/alice/img_1").contentType("image/png").bytes(10L).uploadedAt(NOW).updatedAt(NOW)
                .tags(List.of("castle")).version(1L).build();

        Map<String, AttributeValue> item = ImageTable.SCHEMA.itemToMap(image, true);
        assertThat(item.get("PK").s()).isEqualTo("IMAGE#img_1");
        assertThat(item.get("SK").s()).isEqualTo("METADATA");
        assertThat(item.get("GSI1PK").s()).isEqualTo("USER#alice");
        assertThat(item.get("GSI1SK").s()).isEqualTo("UPLOADED#2026-11-23T10:00:00.000Z#img_1");
        assertThat(item.get("status").s()).isEqualTo("active");
        assertThat(item).doesNotContainKeys("GSI2PK", "GSI2SK");
        assertThat(ImageTable.SCHEMA.mapToItem(item)).isEqualTo(image);

        Map<String, AttributeValue> inAlbum = ImageTable.SCHEMA.itemToMap(image.toBuilder().albumId("alb_9").build(), true);
        assertThat(inAlbum.get("GSI2PK").s()).isEqualTo("ALBUM#alice#alb_9");
        assertThat(inAlbum.get("GSI2SK").s()).isEqualTo(item.get("GSI1SK").s());
    }

    @Test
    void shouldDefineTheTablesTerraformDeclares() {
        var jobs = JobTable.definition("Jobs-test").createTableRequest();
        assertThat(jobs.keySchema()).extracting(k -> k.attributeName()).containsExactly("job_id");
        assertThat(jobs.globalSecondaryIndexes()).extracting(i -> i.indexName(),
                        i -> i.keySchema().stream().map(k -> k.attributeName()).toList())
                .containsExactly(tuple("OwnerIndex", List.of("owner", "created_at")),
                        tuple("StatusIndex", List.of("status", "updated_at")));
        var images = ImageTable.definition("ImageMetadata-test").createTableRequest();
        assertThat(images.globalSecondaryIndexes()).extracting(i -> i.indexName())
                .containsExactly("UserIndex", "AlbumIndex");
        assertThat(images.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void shouldWriteInstantsWithFixedWidth_soTextOrderIsTimeOrder() {
        Instant whole = Instant.parse("2026-11-23T10:00:00Z");
        Instant later = Instant.parse("2026-11-23T10:00:00.001Z");
        Instant tenth = Instant.parse("2026-11-23T10:00:00.1Z");
        assertThat(SortableInstantConverter.format(whole)).isEqualTo("2026-11-23T10:00:00.000Z");
        assertThat(SortableInstantConverter.format(tenth)).isEqualTo("2026-11-23T10:00:00.100Z");
        assertThat(SortableInstantConverter.format(Instant.parse("2026-11-23T10:00:00.123456Z")))
                .isEqualTo("2026-11-23T10:00:00.123Z");
        assertThat(SortableInstantConverter.format(whole)).isLessThan(SortableInstantConverter.format(later));
        assertThat(SortableInstantConverter.format(later)).isLessThan(SortableInstantConverter.format(tenth));
        assertThat(SortableInstantConverter.INSTANCE.transformTo(
                AttributeValue.fromS("2026-11-23T10:00:00Z"))).isEqualTo(whole);
    }
}
