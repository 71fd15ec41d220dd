package io.mocplatform.processor.domain;

import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.job.JobWarning;
import io.mocplatform.model.queue.DrawingJobMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DrawingJobProcessorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String JOB = "job_1772359200000_abcdefghij";
    private static final String KEY = "drawings/user-1/drw_1.pdf";

    private final InMemoryPorts.Jobs jobs = new InMemoryPorts.Jobs();
    private final InMemoryPorts.Drawings drawings = new InMemoryPorts.Drawings();
    private final InMemoryPorts.WorkFiles files = new InMemoryPorts.WorkFiles();
    private final InMemoryPorts.WordAnalyzer analyzer = new InMemoryPorts.WordAnalyzer();
    private final SettableClock clock = new SettableClock(NOW);
    private DrawingJobProcessor processor;

    @BeforeEach
    void setUp() {
        processor = processor(200);
        jobs.put(Job.queued(JOB, "user-1", "drw_1", KEY, NOW.minusSeconds(5), "corr-1", null, null));
        drawings.put(KEY, "CR-1 CR-2", "CR-1", "nothing here");
    }

    @Test
    void shouldRunEveryStageAndComplete_whenDrawingIsGood() {
        ProcessingReport report = process("msg-1", 1, Deadline.none());

        assertThat(report.outcome()).isInstanceOfSatisfying(Outcome.Completed.class, completed -> {
            assertThat(completed.result().componentCount()).isEqualTo(2);
            assertThat(completed.result().countsByType()).isEqualTo(Map.of("card_reader", 2));
            assertThat(completed.result().inputTokens()).isEqualTo(100);
        });
        Job job = jobs.get(JOB);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.stagesCompleted()).containsExactly(JobStage.values());
        assertThat(job.progress().pagesDone()).isEqualTo(3);
        assertThat(job.progress().pagesTotal()).isEqualTo(3);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.leaseOwner()).isNull();
        assertThat(job.lastCheckpoint()).isEqualTo(NOW);
        assertThat(job.startedAt()).isEqualTo(NOW);
        assertThat(report.stageDurations()).containsOnlyKeys(JobStage.values());
        assertThat(report.pagesProcessed()).isEqualTo(3);
    }

    @Test
    void shouldCompleteWithNoTextLayerAndScaledDownWarnings_whenPagesAreBlankOrHuge() {
        drawings.put(KEY, "", "CR-1", "", "HUGE CR-2");
        analyzer.imagePages = 4;

        ProcessingReport report = process("msg-1", 1, Deadline.none());

        assertThat(report.outcome()).isInstanceOfSatisfying(Outcome.Completed.class, completed -> {
            assertThat(completed.result().componentCount()).isEqualTo(2);
            assertThat(completed.result().warnings()).extracting(JobWarning::type, JobWarning::pages)
                    .containsExactly(tuple("no_text_layer", List.of(1, 3)), tuple("page_image_scaled_down", List.of(4)));
            assertThat(completed.result().warnings().get(0).message()).startsWith("2 of 4 pages have no text layer");
            assertThat(completed.result().warnings().get(1).message()).contains("down to 18 DPI");
        });
        assertThat(jobs.get(JOB).result().warnings()).hasSize(2);
    }

    @Test
    void shouldWarnAboutPagesOfAnEarlierDelivery_whenResumingAfterTheDrawingWasProcessed() {
        drawings.put(KEY, "", "CR-1");
        AtomicInteger looks = new AtomicInteger();
        process("msg-1", 1, () -> looks.incrementAndGet() > 4 ? Duration.ofSeconds(-1) : Duration.ofMinutes(10));
        assertThat(jobs.get(JOB).stagesCompleted()).contains(JobStage.PDF_PROCESSING)
                .doesNotContain(JobStage.DRAWING_ANALYSIS);

        ProcessingReport resumed = process("msg-2", 1, Deadline.none());

        assertThat(resumed.pagesProcessed()).isZero();
        assertThat(resumed.outcome()).isInstanceOfSatisfying(Outcome.Completed.class, completed ->
                assertThat(completed.result().warnings()).singleElement()
                        .satisfies(w -> assertThat(w.pages()).containsExactly(1)));
    }

    @Test
    void shouldRecordOurOwnMessage_notTheExceptionText_whenSomethingUnexpectedBreaks() {
        analyzer.failure = new IllegalStateException("java.lang.NullPointerException at io.mocplatform.Secret");

        ProcessingReport report = process("msg-1", 1, Deadline.none());

        assertThat(report.outcome()).isInstanceOfSatisfying(Outcome.RetryLater.class, retry -> {
            assertThat(retry.error().type()).isEqualTo("unexpected_error");
            assertThat(retry.error().message()).doesNotContain("Exception", "io.mocplatform", "Secret")
                    .contains("drawing_analysis");
        });
        assertThat(jobs.get(JOB).error().message()).doesNotContain("Exception");
    }

    @Test
    void shouldSkipWithoutWriting_whenJobIsAlreadyCompletedOrCancelled() {
        for (JobStatus status : List.of(JobStatus.COMPLETED, JobStatus.CANCELLED, JobStatus.FAILED)) {
            jobs.put(jobs.get(JOB).toBuilder().status(status).build());
            int writes = jobs.writes;

            assertThat(process("msg-1", 1, Deadline.none()).outcome()).isInstanceOf(Outcome.Skipped.class);
            assertThat(jobs.writes).isEqualTo(writes);
        }
    }

    @Test
    void shouldSkip_whenAnotherDeliveryHoldsAnUnexpiredLease() {
        jobs.put(jobs.get(JOB).toBuilder().status(JobStatus.PROCESSING).leaseOwner("msg-other")
                .leaseExpiresAt(NOW.plusSeconds(60)).build());

        assertThat(process("msg-1", 1, Deadline.none()).outcome()).isInstanceOf(Outcome.Skipped.class);
        assertThat(jobs.get(JOB).leaseOwner()).isEqualTo("msg-other");
        assertThat(drawings.opened).isZero();
    }

    @Test
    void shouldTakeOver_whenTheOtherLeaseHasExpired() {
        jobs.put(jobs.get(JOB).toBuilder().status(JobStatus.PROCESSING).leaseOwner("msg-other")
                .leaseExpiresAt(NOW.minusSeconds(1)).build());

        assertThat(process("msg-1", 1, Deadline.none()).outcome()).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void shouldFailAtOnceWithTypedError_whenDrawingIsMissing() {
        drawings.objects.clear();

        ProcessingReport report = process("msg-1", 1, Deadline.none());

        assertThat(report.outcome()).isInstanceOf(Outcome.Failed.class);
        assertThat(report.outcome().acknowledges()).isTrue();
        Job job = jobs.get(JOB);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error().type()).isEqualTo("drawing_missing");
        assertThat(job.error().retryable()).isFalse();
        assertThat(job.error().stage()).isEqualTo(JobStage.VALIDATION);
        assertThat(job.leaseOwner()).isNull();
    }

    @Test
    void shouldFailWithTooManyPages_whenDrawingExceedsTheLimit() {
        processor = processor(2);

        process("msg-1", 1, Deadline.none());

        assertThat(jobs.get(JOB).error().type()).isEqualTo("too_many_pages");
        assertThat(drawings.rendered).isEmpty();
    }

    @Test
    void shouldRenderNoPage_whenTheAnalyzerReadsNoImages_andOnlyTheFirstPagesItReads() {
        process("msg-1", 1, Deadline.none());

        assertThat(drawings.rendered).isEmpty();
        assertThat(files.objects).containsKeys(JOB + "/text/1", JOB + "/text/2", JOB + "/text/3");
        assertThat(files.loadImage(JOB, 1)).isNull();

        String other = "job_1772359200001_abcdefghij";
        jobs.put(Job.queued(other, "user-1", "drw_1", KEY, NOW, "corr-2", null, null));
        analyzer.imagePages = 2;
        processor.process(new ProcessingRequest(DrawingJobMessage.of(other, KEY, "user-1", "corr-2", NOW), "msg-2",
                1), Deadline.none());

        assertThat(drawings.rendered).containsExactlyInAnyOrder(1, 2);
        assertThat(files.loadImage(other, 2)).isNotNull();
        assertThat(files.loadImage(other, 3)).isNull();
    }

    @Test
    void shouldReadPagesOnTwoReadersWithOneExtraCopy_andStoreThemInPageOrder() {
        drawings.put(KEY, "CR-1", "CR-2", "CR-3", "CR-4", "CR-5", "CR-6", "CR-7");

        ProcessingReport report = process("msg-1", 1, Deadline.none());

        assertThat(report.pagesProcessed()).isEqualTo(7);
        // The validation stage's document, and a copy only when the second reader finds it busy: the file is not
        // parsed per page.
        assertThat(drawings.opened).isBetween(1, 2);
        assertThat(files.pageOrder).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(((Outcome.Completed) report.outcome()).result().componentCount()).isEqualTo(7);
    }

    @Test
    void shouldFailForGood_whenAPageCannotBeReadOnAReaderThread() {
        drawings.put(KEY, "CR-1", "CR-2", "BROKEN", "CR-4");

        ProcessingReport report = process("msg-1", 1, Deadline.none());

        assertThat(report.outcome()).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.error().type()).isEqualTo("corrupt_pdf");
            assertThat(failed.error().message()).isEqualTo("page 3 cannot be read");
        });
        assertThat(jobs.get(JOB).progress().pagesDone()).isEqualTo(2);
    }

    @Test
    void shouldSaveProgressAndHandOn_whenDeadlineComesMidDrawing_thenResumeAtTheNextPage() {
        analyzer.imagePages = 3;
        AtomicInteger checks = new AtomicInteger();
        // Boundary checks before validation and pdf_processing, then one per page: near after the first page.
        Deadline nearAfterFirstPage = () -> checks.incrementAndGet() > 3 ? Duration.ofSeconds(-1) : Duration.ofMinutes(10);

        ProcessingReport first = process("msg-1", 1, nearAfterFirstPage);

        assertThat(first.outcome()).isEqualTo(new Outcome.HandedOn(JobStage.PDF_PROCESSING));
        Job saved = jobs.get(JOB);
        assertThat(saved.progress().pagesDone()).isEqualTo(1);
        assertThat(saved.stagesCompleted()).containsExactly(JobStage.VALIDATION);
        assertThat(saved.currentStage()).isEqualTo(JobStage.PDF_PROCESSING);
        assertThat(saved.leaseOwner()).isNull();
        assertThat(saved.startedAt()).isEqualTo(NOW);

        clock.set(NOW.plusSeconds(30));
        ProcessingReport second = process("msg-2", 1, Deadline.none());

        assertThat(second.outcome()).isInstanceOf(Outcome.Completed.class);
        // Page 2 may have been read ahead before the hand-on; page 1 is not read again.
        assertThat(drawings.rendered).containsOnly(1, 2, 3).filteredOn(page -> page == 1).hasSize(1);
        assertThat(second.pagesProcessed()).isEqualTo(2);
        assertThat(jobs.get(JOB).attempts()).isEqualTo(2);
        assertThat(jobs.get(JOB).startedAt()).as("the continuation keeps the first start").isEqualTo(NOW);
        assertThat(jobs.get(JOB).updatedAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(((Outcome.Completed) second.outcome()).result().componentCount()).isEqualTo(2);
    }

    @Test
    void shouldHandOnBeforeAnalysis_whenLessTimeIsLeftThanTheAnalyzerNeeds_andGiveTheNextInvocationItsBudget() {
        analyzer.minimumTime = Duration.ofSeconds(66);

        ProcessingReport first = process("msg-1", 1, () -> Duration.ofSeconds(65));

        assertThat(first.outcome()).isEqualTo(new Outcome.HandedOn(JobStage.DRAWING_ANALYSIS));
        assertThat(analyzer.calls).isZero();
        assertThat(jobs.get(JOB).stagesCompleted()).containsExactly(JobStage.VALIDATION, JobStage.PDF_PROCESSING);

        ProcessingReport second = process("msg-2", 1, () -> Duration.ofSeconds(66));

        assertThat(second.outcome()).isInstanceOf(Outcome.Completed.class);
        assertThat(analyzer.calls).isEqualTo(1);
        assertThat(analyzer.lastBudget).isEqualTo(Duration.ofSeconds(66));
    }

    @Test
    void shouldHandOnWithoutAFailedReceive_whenTheAnalyzerFindsTooLittleTimeLeft() {
        analyzer.failure = new NoTimeLeftException("page images took the time");

        ProcessingReport first = process("msg-1", 1, Deadline.none());

        assertThat(first.outcome()).isEqualTo(new Outcome.HandedOn(JobStage.DRAWING_ANALYSIS));
        Job saved = jobs.get(JOB);
        assertThat(saved.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(saved.error()).isNull();
        assertThat(saved.currentStage()).isEqualTo(JobStage.DRAWING_ANALYSIS);
        assertThat(saved.leaseOwner()).isNull();

        analyzer.failure = null;
        assertThat(process("msg-2", 1, Deadline.none()).outcome()).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void shouldCountAFailedReceive_insteadOfHandingOnForEver_whenAWholeInvocationCannotFitTheAnalysis() {
        analyzer.minimumTime = Duration.ofSeconds(66);
        assertThat(process("msg-1", 1, () -> Duration.ofSeconds(65)).outcome())
                .isEqualTo(new Outcome.HandedOn(JobStage.DRAWING_ANALYSIS));

        // The continuation starts at the analysis with the same too-short invocation: nothing would ever change.
        ProcessingReport again = process("msg-2", 1, () -> Duration.ofSeconds(65));

        assertThat(again.outcome()).isInstanceOfSatisfying(Outcome.RetryLater.class, retry -> {
            assertThat(retry.error().type()).isEqualTo("invocation_too_short");
            assertThat(retry.error().message()).contains("drawing_analysis").contains("timeout");
        });
        assertThat(again.outcome().acknowledges()).isFalse();
        assertThat(analyzer.calls).isZero();
    }

    @Test
    void shouldCountAFailedReceiveAsSlowImages_whenAContinuationSpendsItsWholeInvocationLoadingThem() {
        analyzer.minimumTime = Duration.ofSeconds(66);
        assertThat(process("msg-1", 1, () -> Duration.ofSeconds(65)).outcome())
                .isEqualTo(new Outcome.HandedOn(JobStage.DRAWING_ANALYSIS));
        analyzer.failure = new NoTimeLeftException("page images took the time");

        ProcessingReport continuation = process("msg-2", 1, Deadline.none());

        assertThat(continuation.outcome()).isInstanceOfSatisfying(Outcome.RetryLater.class,
                retry -> assertThat(retry.error().type()).isEqualTo("page_images_too_slow"));
        assertThat(analyzer.calls).isEqualTo(1);
    }

    @Test
    void shouldCountAFailedReceive_whenTheDeadlineIsNearBeforeTheFirstStep() {
        ProcessingReport report = process("msg-1", 1, () -> Duration.ofSeconds(-5));

        assertThat(report.outcome()).isInstanceOfSatisfying(Outcome.RetryLater.class,
                retry -> assertThat(retry.error().type()).isEqualTo("invocation_too_short"));
        assertThat(jobs.get(JOB).progress().pagesDone()).isZero();
    }

    @Test
    void shouldRecordRetryableErrorAndBackOff_whenAnalyzerIsRateLimited() {
        analyzer.imagePages = 3;
        analyzer.failure = new RetryableException("gemini_rate_limited", "429", Duration.ofSeconds(400));

        ProcessingReport report = process("msg-1", 2, Deadline.none());

        assertThat(report.outcome()).isInstanceOfSatisfying(Outcome.RetryLater.class, retry -> {
            assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(400));
            assertThat(retry.error().type()).isEqualTo("gemini_rate_limited");
        });
        assertThat(report.outcome().acknowledges()).isFalse();
        Job job = jobs.get(JOB);
        assertThat(job.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(job.error().retryable()).isTrue();
        assertThat(job.error().stage()).isEqualTo(JobStage.DRAWING_ANALYSIS);
        assertThat(job.stagesCompleted()).containsExactly(JobStage.VALIDATION, JobStage.PDF_PROCESSING);
        assertThat(job.leaseOwner()).isNull();

        analyzer.failure = null;
        assertThat(process("msg-1", 3, Deadline.none()).outcome()).isInstanceOf(Outcome.Completed.class);
        assertThat(drawings.rendered).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(jobs.get(JOB).error()).isNull();
    }

    @Test
    void shouldKeepTheFirstStart_whenARetriedDeliveryTakesTheJobAgain() {
        analyzer.failure = new RetryableException("gemini_rate_limited", "429", Duration.ofSeconds(60));
        assertThat(process("msg-1", 1, Deadline.none()).outcome()).isInstanceOf(Outcome.RetryLater.class);
        assertThat(jobs.get(JOB).startedAt()).isEqualTo(NOW);

        analyzer.failure = null;
        Instant retriedAt = NOW.plus(Duration.ofMinutes(10));
        clock.set(retriedAt);
        assertThat(process("msg-1", 2, Deadline.none()).outcome()).isInstanceOf(Outcome.Completed.class);

        Job job = jobs.get(JOB);
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(job.startedAt()).isEqualTo(NOW);
        assertThat(job.updatedAt()).isEqualTo(retriedAt);
    }

    @Test
    void shouldStartAnew_whenARetriedJobComesBackQueuedWithTheLastRunsStart() {
        // job-api's retry puts a failed job back to queued and leaves started_at (the processor's) as it was:
        // taking a queued job is a new run, with a new start.
        jobs.put(jobs.get(JOB).toBuilder().status(JobStatus.QUEUED).attempts(3).startedAt(NOW.minusSeconds(60))
                .build());
        Instant rerunAt = NOW.plus(Duration.ofHours(1));
        clock.set(rerunAt);

        assertThat(process("msg-9", 1, Deadline.none()).outcome()).isInstanceOf(Outcome.Completed.class);
        assertThat(jobs.get(JOB).startedAt()).isEqualTo(rerunAt);
    }

    @Test
    void shouldRetryWithBackoff_whenAnUnexpectedErrorHappens() {
        analyzer.failure = new IllegalStateException("boom");

        ProcessingReport report = process("msg-1", 1, Deadline.none());

        assertThat(report.outcome()).isInstanceOfSatisfying(Outcome.RetryLater.class, retry -> {
            assertThat(retry.error().type()).isEqualTo("unexpected_error");
            assertThat(retry.delay()).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        });
    }

    @Test
    void shouldStopAtTheNextStage_whenJobIsCancelledWhileProcessing() {
        jobs.afterWrite = job -> job.progress().pagesDone() == 3
                ? job.toBuilder().status(JobStatus.CANCELLED).build() : job;

        ProcessingReport report = process("msg-1", 1, Deadline.none());

        assertThat(report.outcome()).isInstanceOf(Outcome.Cancelled.class);
        assertThat(analyzer.calls).isZero();
        assertThat(jobs.get(JOB).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void shouldBeInvalid_whenNoJobRowExistsOrOwnerDiffers() {
        assertThat(processor.process(new ProcessingRequest(DrawingJobMessage.of("job_1772359200000_zzzzzzzzzz",
                KEY, "user-1", "c", NOW), "m", 1), Deadline.none()).outcome()).isInstanceOf(Outcome.Invalid.class);
        assertThat(processor.process(new ProcessingRequest(DrawingJobMessage.of(JOB, KEY, "someone-else", "c",
                NOW), "m", 1), Deadline.none()).outcome()).isInstanceOf(Outcome.Invalid.class);
    }

    private ProcessingReport process(String deliveryId, int receiveCount, Deadline deadline) {
        DrawingJobMessage message = DrawingJobMessage.of(JOB, KEY, "user-1", "corr-1", NOW);
        return processor.process(new ProcessingRequest(message, deliveryId, receiveCount), deadline);
    }

    /** A clock the test moves, to tell a first start from a later one. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant value) {
            now = value;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the processor never changes the zone");
        }
    }

    private DrawingJobProcessor processor(int maxPages) {
        return new DrawingJobProcessor(jobs, drawings, drawings, files, files, analyzer,
                new ProcessingPolicy(maxPages, 1_000_000, 72, 1_000_000, Duration.ofMinutes(16), 2),
                new BackoffPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15), () -> 0.5), clock);
    }
}
