package io.mocplatform.jobapi.domain;

import io.mocplatform.jobapi.domain.JobRejectedException.Reason;
import io.mocplatform.model.IdGenerator;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.queue.DrawingJobMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");
    private static final String DRAWING = "drw_abcdefghijklmnopqrst";

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryPorts.Jobs jobs = new InMemoryPorts.Jobs(clock);
    private final InMemoryPorts.Drawings drawings = new InMemoryPorts.Drawings();
    private final InMemoryPorts.Queue queue = new InMemoryPorts.Queue();
    private final JobPolicy policy = new JobPolicy(50L * 1024 * 1024, Duration.ofHours(1), Duration.ofHours(1),
            Duration.ofHours(24));
    private final JobService service = new JobService(jobs, drawings, queue, clock, new IdGenerator(clock), policy);

    @Test
    void shouldStoreTheQueuedJobBeforeSendingItsMessage() {
        uploaded("alice", DRAWING);
        queue.onSend = message -> assertThat(jobs.rows.get(message.jobId()).status()).isEqualTo(JobStatus.QUEUED);

        Submission submission = service.submit(new SubmitJob("alice", DRAWING, null, "corr-1"));

        Job job = submission.job();
        assertThat(submission.replayed()).isFalse();
        assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
        assertThat(queue.sent).containsExactly(DrawingJobMessage.of(job.jobId(), "drawings/alice/" + DRAWING + ".pdf",
                "alice", "corr-1", job.createdAt()));
    }

    @Test
    void shouldRefuseAndStoreNothing_whenTheDrawingIsMissing() {
        assertRejected(() -> service.submit(new SubmitJob("alice", DRAWING, null, "c")), Reason.DRAWING_MISSING);
        assertThat(jobs.rows).isEmpty();
        assertThat(queue.sent).isEmpty();
    }

    @Test
    void shouldMarkTheJobFailedAndRetryable_whenTheQueueIsUnavailable() {
        uploaded("alice", DRAWING);
        queue.unavailable = true;

        assertRejected(() -> service.submit(new SubmitJob("alice", DRAWING, null, "c")), Reason.QUEUE_UNAVAILABLE);

        assertThat(jobs.rows.values()).singleElement().satisfies(job -> {
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.error()).isEqualTo(new JobError(JobService.ENQUEUE_FAILED,
                    "The job could not be handed to the processing queue.", true, null));
        });
    }

    @Test
    void shouldReturnTheFirstJobWithoutSending_whenTheKeyAndBodyRepeat() {
        uploaded("alice", DRAWING);
        Job first = service.submit(new SubmitJob("alice", DRAWING, "key-1", "c")).job();

        Submission again = service.submit(new SubmitJob("alice", DRAWING, "key-1", "c2"));

        assertThat(again.replayed()).isTrue();
        assertThat(again.job().jobId()).isEqualTo(first.jobId());
        assertThat(queue.sent).hasSize(1);
    }

    @Test
    void shouldRefuse_whenTheKeyIsReusedWithAnotherDrawing() {
        uploaded("alice", DRAWING);
        service.submit(new SubmitJob("alice", DRAWING, "key-1", "c"));
        assertRejected(() -> service.submit(new SubmitJob("alice", "drw_bbbbbbbbbbbbbbbbbbbb", "key-1", "c")),
                Reason.KEY_REUSED);
    }

    @Test
    void shouldCreateANewJob_whenTheKeysClaimHasLapsed() {
        uploaded("alice", DRAWING);
        Job first = service.submit(new SubmitJob("alice", DRAWING, "key-1", "c")).job();
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        Submission later = service.submit(new SubmitJob("alice", DRAWING, "key-1", "c"));

        assertThat(later.replayed()).isFalse();
        assertThat(later.job().jobId()).isNotEqualTo(first.jobId());
    }

    @Test
    void shouldQueueTheUnsentJob_whenTheClientRepeatsAfterA503() {
        uploaded("alice", DRAWING);
        queue.unavailable = true;
        assertRejected(() -> service.submit(new SubmitJob("alice", DRAWING, "key-1", "c")), Reason.QUEUE_UNAVAILABLE);
        queue.unavailable = false;

        Submission repeat = service.submit(new SubmitJob("alice", DRAWING, "key-1", "c"));

        assertThat(repeat.job().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(repeat.job().error()).isNull();
        assertThat(queue.sent).singleElement().extracting(DrawingJobMessage::jobId).isEqualTo(repeat.job().jobId());
    }

    @Test
    void shouldRequeueFromTheCheckpointWithTheJobsCorrelationId_whenRetried() {
        Job failed = stored(JobStatus.FAILED, List.of(JobStage.VALIDATION));

        Job retried = service.retry("alice", failed.jobId());

        assertThat(retried.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(retried.stagesCompleted()).containsExactly(JobStage.VALIDATION);
        assertThat(queue.sent).singleElement().satisfies(message -> {
            assertThat(message.resumeFrom()).isEqualTo(JobStage.PDF_PROCESSING);
            assertThat(message.correlationId()).isEqualTo("corr-stored");
        });
    }

    @Test
    void shouldRefuseToRetryOrCancel_whenTheStatusDoesNotAllowIt() {
        Job queued = stored(JobStatus.QUEUED, List.of());
        Job completed = stored(JobStatus.COMPLETED, List.of(JobStage.values()));
        assertRejected(() -> service.retry("alice", queued.jobId()), Reason.STATE_CONFLICT);
        assertRejected(() -> service.cancel("alice", completed.jobId()), Reason.STATE_CONFLICT);
    }

    @Test
    void shouldRefuseTheCancel_whenTheProcessorCompletesTheJobJustBefore() {
        Job queued = stored(JobStatus.QUEUED, List.of());
        jobs.beforeWrite = jobId -> {
            jobs.beforeWrite = j -> { };
            jobs.rows.computeIfPresent(jobId, (id, current) -> current.toBuilder().status(JobStatus.COMPLETED).build());
        };
        assertRejected(() -> service.cancel("alice", queued.jobId()), Reason.STATE_CONFLICT);
        assertThat(jobs.rows.get(queued.jobId()).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void shouldHideOtherUsersJobs_andRejectMalformedIds() {
        Job job = stored(JobStatus.QUEUED, List.of());
        assertRejected(() -> service.status("mallory", job.jobId()), Reason.NOT_FOUND);
        assertRejected(() -> service.cancel("mallory", job.jobId()), Reason.NOT_FOUND);
        assertRejected(() -> service.status("alice", "job_1"), Reason.INVALID);
    }

    @Test
    void shouldPresignTheResults_onlyOnceCompleted() {
        Job queued = stored(JobStatus.QUEUED, List.of());
        Job done = jobs.create(queued.toBuilder().jobId("job_1795000000000_bbbbbbbbbb").version(null)
                .status(JobStatus.COMPLETED).result(new JobResult(1, Map.of("camera", 1), "results/s.json",
                        "results/s.csv", "offline", 0, 0, 0)).build());

        assertThat(service.status("alice", queued.jobId()).scheduleJsonUrl()).isNull();
        JobDetails view = service.status("alice", done.jobId());
        assertThat(view.scheduleJsonUrl()).hasToString("https://bucket.test/results/s.json?expires=3600");
        assertThat(view.scheduleCsvUrl()).hasToString("https://bucket.test/results/s.csv?expires=3600");
        assertThat(view.linksExpireAt()).isEqualTo(Instant.parse("2026-11-23T11:00:00.123Z"));
    }

    @Test
    void shouldRejectUploads_thatAreNotPdfOrTooLarge() {
        var drawingService = new DrawingService(drawings, new IdGenerator(clock), policy);
        assertRejected(() -> new UploadRequest("alice", "a.png", "image/png", 10), Reason.UNSUPPORTED_TYPE);
        assertRejected(() -> new UploadRequest("alice", "", "application/pdf", 0), Reason.INVALID);
        assertRejected(() -> drawingService.requestUpload(new UploadRequest("alice", "a.pdf", "application/pdf",
                policy.maxUploadBytes() + 1)), Reason.TOO_LARGE);
        DrawingUpload upload = drawingService.requestUpload(new UploadRequest("alice", "a.pdf", "Application/PDF", 10));
        assertThat(upload.upload().url().getPath()).isEqualTo("/drawings/alice/" + upload.drawingId() + ".pdf");
    }

    private Job stored(JobStatus status, List<JobStage> done) {
        String id = "job_1795000000000_" + "aaaaaaaaaa".substring(0, 10 - status.ordinal()) + "b".repeat(status.ordinal());
        return jobs.create(Job.queued(id, "alice", DRAWING, "drawings/alice/" + DRAWING + ".pdf", NOW, "corr-stored",
                null, null).toBuilder().status(status).stagesCompleted(done).build());
    }

    private void uploaded(String owner, String drawingId) {
        drawings.keys.add(DrawingKeys.of(owner, drawingId));
    }

    private static void assertRejected(Executable call, Reason reason) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(JobRejectedException.class,
                rejection -> assertThat(rejection.reason()).isEqualTo(reason));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
