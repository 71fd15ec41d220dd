package io.mocplatform.processor.domain;

import io.mocplatform.jobstore.JobLease;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobProgress;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.job.JobWarning;
import io.mocplatform.processor.domain.port.DrawingAnalyzer;
import io.mocplatform.processor.domain.port.DrawingStore;
import io.mocplatform.processor.domain.port.PageStore;
import io.mocplatform.processor.domain.port.PdfReader;
import io.mocplatform.processor.domain.port.ResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The drawing pipeline: {@code validation → pdf_processing → drawing_analysis → result}, resumable at any stage
 * boundary and, inside {@code pdf_processing}, at any page. Every step is recorded in the job row with a write of
 * the processor's own attributes conditioned on this delivery's lease ({@link JobLease}), so a cancellation, a
 * dead-letter mark or a delivery that took over a lapsed lease is noticed at the next write.
 *
 * <p>This class is also the one failure classifier of the processor: a {@link DrawingRejectedException} fails the
 * job for good, anything else is retried with backoff (a {@link RetryableException} may carry the server's hint),
 * and SQS dead-letters the message after its third receive.
 */
public final class DrawingJobProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(DrawingJobProcessor.class);

    private final JobLease jobs;
    private final DrawingStore drawings;
    private final PdfReader pdfReader;
    private final PageStore pageStore;
    private final ResultStore resultStore;
    private final DrawingAnalyzer analyzer;
    private final ProcessingPolicy policy;
    private final BackoffPolicy backoff;
    private final Clock clock;

    public DrawingJobProcessor(JobLease jobs, DrawingStore drawings, PdfReader pdfReader, PageStore pageStore,
                               ResultStore resultStore, DrawingAnalyzer analyzer, ProcessingPolicy policy,
                               BackoffPolicy backoff, Clock clock) {
        this.jobs = jobs;
        this.drawings = drawings;
        this.pdfReader = pdfReader;
        this.pageStore = pageStore;
        this.resultStore = resultStore;
        this.analyzer = analyzer;
        this.policy = policy;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Works on the job of one delivery until it is done, fails, or the deadline comes near. */
    public ProcessingReport process(ProcessingRequest request, Deadline deadline) {
        return new Run(request, deadline).execute();
    }

    /** The state of one delivery. */
    private final class Run {
        private final ProcessingRequest request;
        private final Deadline deadline;
        private final String jobId;
        private final Map<JobStage, Duration> stageDurations = new EnumMap<>(JobStage.class);
        private final Map<Integer, ProcessedPage> extracted = new HashMap<>();
        private Job job;
        private int pagesProcessed;
        private TokenUsage usage = TokenUsage.none();
        private Analysis analysis;
        private Path drawingFile;
        private PdfReader.PdfDocument document;

        Run(ProcessingRequest request, Deadline deadline) {
            this.request = request;
            this.deadline = deadline;
            this.jobId = request.message().jobId();
        }

        ProcessingReport execute() {
            Optional<Job> found = jobs.find(jobId);
            if (found.isEmpty()) {
                return ProcessingReport.of(new Outcome.Invalid("no job " + jobId + " in the jobs table"));
            }
            job = found.get();
            if (!job.owner().equals(request.message().owner())) {
                return ProcessingReport.of(new Outcome.Invalid("message owner does not match job " + jobId));
            }
            if (job.status().isTerminal()) {
                return ProcessingReport.of(new Outcome.Skipped("job is already " + job.status().wireName()));
            }
            Instant now = clock.instant();
            if (leaseHeldByAnother(now)) {
                return ProcessingReport.of(new Outcome.Skipped("lease held by " + job.leaseOwner() + " until "
                        + job.leaseExpiresAt()));
            }
            // started_at is the first start of this run: a redelivery or continuation keeps it, so
            // "created_at → started_at" measures the wait in the queue, not the last hand-on. Taking a queued
            // job starts a run (new, or retried by its owner after it failed), so the store restarts the clock.
            JobWrite taken = jobs.take(jobId, request.deliveryId(), job.status(),
                    job.nextStage().orElse(JobStage.RESULT), now, now.plus(policy.leaseDuration()));
            if (!(taken instanceof JobWrite.Applied applied)) {
                return ProcessingReport.of(new Outcome.Skipped("another delivery took the job first"));
            }
            job = applied.job();
            try {
                return report(runStages());
            } catch (LeaseLostException conflict) {
                return report(afterConflict());
            } catch (DrawingRejectedException rejected) {
                return report(fail(rejected));
            } catch (RetryableException retryable) {
                LOG.warn("retryable failure in stage {}: {}", stageName(), retryable.getMessage());
                return report(retryLater(retryable.reason(), retryable.getMessage(), retryable.retryAfter()));
            } catch (RuntimeException unexpected) {
                // The job row is shown to the client and quoted in alerts: it gets our words, the log the details.
                LOG.error("unexpected failure in stage {}", stageName(), unexpected);
                return report(retryLater("unexpected_error", "an unexpected error interrupted stage " + stageName()
                        + "; the job will be tried again", Optional.empty()));
            } finally {
                closeDrawing();
            }
        }

        private boolean leaseHeldByAnother(Instant now) {
            return job.leaseOwner() != null && !job.leaseOwner().equals(request.deliveryId())
                    && job.leaseExpiresAt() != null && job.leaseExpiresAt().isAfter(now);
        }

        private Outcome runStages() {
            for (JobStage stage : JobStage.values()) {
                if (job.hasCompleted(stage)) {
                    continue;
                }
                Optional<Outcome> stop = checkBoundary(stage);
                if (stop.isPresent()) {
                    return stop.get();
                }
                long started = System.nanoTime();
                Optional<Outcome> early = switch (stage) {
                    case VALIDATION -> validate();
                    case PDF_PROCESSING -> processPages();
                    case DRAWING_ANALYSIS -> analyze();
                    case RESULT -> Optional.empty();
                };
                if (early.isPresent()) {
                    return early.get();
                }
                if (stage == JobStage.RESULT) {
                    JobResult result = publish();
                    stageDurations.put(stage, Duration.ofNanos(System.nanoTime() - started));
                    return new Outcome.Completed(result);
                }
                stageDurations.put(stage, Duration.ofNanos(System.nanoTime() - started));
                List<JobStage> completed = new ArrayList<>(job.stagesCompleted());
                completed.add(stage);
                job = held(jobs.completeStage(jobId, request.deliveryId(), completed, stage.next().orElse(stage),
                        clock.instant()));
            }
            throw new IllegalStateException("job " + jobId + " has no stage left but is not completed");
        }

        /** Cancellation is honoured, and time is checked, before each stage starts. */
        private Optional<Outcome> checkBoundary(JobStage stage) {
            Job fresh = jobs.find(jobId).orElseThrow(() -> new LeaseLostException(jobId));
            if (fresh.status() == JobStatus.CANCELLED) {
                return Optional.of(new Outcome.Cancelled());
            }
            if (!request.deliveryId().equals(fresh.leaseOwner())) {
                throw new LeaseLostException(jobId);
            }
            if (deadline.isNear()) {
                return Optional.of(handOn(stage));
            }
            if (stage == JobStage.DRAWING_ANALYSIS && deadline.remaining().compareTo(analyzer.minimumTime()) < 0) {
                // Too little time for the analyser's attempts: a fresh invocation gets the whole budget.
                return Optional.of(handOn(stage));
            }
            return Optional.empty();
        }

        private Optional<Outcome> validate() {
            String key = request.message().drawingKey();
            OptionalLong size = drawings.size(key);
            if (size.isEmpty()) {
                throw new DrawingRejectedException(FailureType.DRAWING_MISSING, "no drawing at " + key);
            }
            if (size.getAsLong() > policy.maxBytes()) {
                throw new DrawingRejectedException(FailureType.TOO_LARGE, "the drawing has " + size.getAsLong()
                        + " bytes, more than the limit of " + policy.maxBytes());
            }
            int pageCount = openDrawing().pageCount();
            if (pageCount < 1) {
                throw new DrawingRejectedException(FailureType.CORRUPT_PDF, "the PDF has no pages");
            }
            if (pageCount > policy.maxPages()) {
                throw new DrawingRejectedException(FailureType.TOO_MANY_PAGES, "the drawing has " + pageCount
                        + " pages, more than the limit of " + policy.maxPages());
            }
            job = held(jobs.recordProgress(jobId, request.deliveryId(), new JobProgress(0, pageCount),
                    clock.instant()));
            return Optional.empty();
        }

        private Optional<Outcome> processPages() {
            PdfReader.PdfDocument pdf = openDrawing();
            int total = job.progress().pagesTotal() > 0 ? job.progress().pagesTotal() : pdf.pageCount();
            int first = job.progress().pagesDone() + 1;
            // Only the pages the analyser looks at are rendered (the offline analyser reads none): rendering is
            // most of the cost of a page.
            int withImages = analyzer.imagePages();
            try (PageReadAhead pages = new PageReadAhead(pdf, () -> pdfReader.open(drawingFile),
                    policy.pageReaders(), first, total, (document, page) -> read(document, page, page <= withImages))) {
                for (int page = first; page <= total; page++) {
                    if (deadline.isNear()) {
                        return Optional.of(handOn(JobStage.PDF_PROCESSING));
                    }
                    RenderedPage rendered = pages.next();
                    pageStore.savePage(jobId, rendered);
                    extracted.put(page, rendered.processed());
                    pagesProcessed++;
                    job = held(jobs.recordProgress(jobId, request.deliveryId(), new JobProgress(page, total),
                            clock.instant()));
                }
            }
            return Optional.empty();
        }

        private RenderedPage read(PdfReader.PdfDocument document, int page, boolean withImage) {
            PageText text = document.text(page);
            if (!withImage) {
                return RenderedPage.textOnly(text);
            }
            PageImage image = document.renderPng(page, policy.dpi(), policy.maxPagePixels());
            return new RenderedPage(text, image.png(), image.dpi());
        }

        private Optional<Outcome> analyze() {
            int total = job.progress().pagesTotal();
            List<ProcessedPage> pages = new ArrayList<>(total);
            for (int page = 1; page <= total; page++) {
                ProcessedPage processed = extracted.get(page);
                pages.add(processed != null ? processed : pageStore.loadPage(jobId, page));
            }
            List<PageText> texts = pages.stream().map(ProcessedPage::text).toList();
            try {
                analysis = analyzer.analyze(new AnalysisInput(jobId, texts,
                        page -> pageStore.loadImage(jobId, page), deadline))
                        .withWarnings(PageWarnings.of(pages, policy.dpi()));
            } catch (NoTimeLeftException noTime) {
                if (!progressed()) {
                    // The boundary check found time for the analysis, so the timeout is fine: loading the page
                    // images took the invocation. That is a slow dependency, retried with backoff like one.
                    throw new RetryableException("page_images_too_slow", "loading the page images used up the "
                            + "time of a whole invocation; the job will be tried again", null);
                }
                LOG.info("handing on before the analysis: {}", noTime.getMessage());
                return Optional.of(handOn(JobStage.DRAWING_ANALYSIS));
            }
            usage = analysis.usage();
            pageStore.saveAnalysis(jobId, analysis);
            return Optional.empty();
        }

        private JobResult publish() {
            Analysis finished = analysis != null ? analysis : pageStore.loadAnalysis(jobId)
                    .orElseThrow(() -> new IllegalStateException("analysis of job " + jobId + " is missing"));
            ResultStore.ScheduleKeys keys = resultStore.saveSchedule(jobId, finished);
            JobResult result = new JobResult(finished.classifiedCount(), finished.countsByType(), keys.jsonKey(),
                    keys.csvKey(), finished.analyzer(), finished.usage().inputTokens(),
                    finished.usage().outputTokens(), finished.usage().estimatedCostUsd(),
                    finished.unclassifiedCount(), finished.warnings());
            job = held(jobs.complete(jobId, request.deliveryId(), result, clock.instant()));
            return result;
        }

        /** Whether this invocation has saved any checkpoint (a page or a stage). */
        private boolean progressed() {
            return pagesProcessed > 0 || !stageDurations.isEmpty();
        }

        private Outcome handOn(JobStage resumeFrom) {
            if (!progressed()) {
                // A whole invocation did not reach one checkpoint (the function's timeout is shorter than the
                // safety margin plus the step's minimum): handing on again would loop for ever, unseen. As a
                // failed receive it reaches the dead-letter queue and the on-call's alert instead.
                throw new RetryableException("invocation_too_short", "the function's time limit left too little "
                        + "time to run stage " + resumeFrom.wireName() + "; its timeout needs to be raised", null);
            }
            job = held(jobs.handOn(jobId, request.deliveryId(), resumeFrom, clock.instant()));
            return new Outcome.HandedOn(resumeFrom);
        }

        private Outcome fail(DrawingRejectedException rejected) {
            JobError error = new JobError(rejected.type().wireName(), rejected.getMessage(), false,
                    job.currentStage());
            JobWrite failed = jobs.fail(jobId, request.deliveryId(), error, clock.instant());
            if (!(failed instanceof JobWrite.Applied applied)) {
                return afterConflict();
            }
            job = applied.job();
            return new Outcome.Failed(error);
        }

        private Outcome retryLater(String reason, String message, Optional<Duration> hint) {
            JobError error = new JobError(reason, message == null ? reason : message, true, job.currentStage());
            Duration delay = backoff.delay(request.receiveCount(), hint);
            try {
                JobWrite released = jobs.releaseForRetry(jobId, request.deliveryId(), error, clock.instant());
                job = released.current().orElse(job);
            } catch (RuntimeException notRecorded) {
                // The store may be what failed. The lease then stays with this message id, which is what a
                // redelivery of this same message presents, so it can take the job back.
                LOG.warn("could not record the retryable failure on job {}: {}", jobId, notRecorded.toString());
            }
            return new Outcome.RetryLater(error, delay);
        }

        /** The row after a write that needs this delivery's lease; the lease is gone when the write was refused. */
        private Job held(JobWrite write) {
            if (write instanceof JobWrite.Applied applied) {
                return applied.job();
            }
            throw new LeaseLostException(jobId);
        }

        /** Someone else wrote the job: a cancellation is honoured, anything else means it is no longer ours. */
        private Outcome afterConflict() {
            Optional<Job> fresh = jobs.find(jobId);
            if (fresh.isPresent() && fresh.get().status() == JobStatus.CANCELLED) {
                return new Outcome.Cancelled();
            }
            return new Outcome.Skipped("job " + jobId + " was changed by another writer");
        }

        private PdfReader.PdfDocument openDrawing() {
            if (document == null) {
                try {
                    drawingFile = Files.createTempFile("drawing-", ".pdf");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                drawings.download(request.message().drawingKey(), drawingFile);
                document = pdfReader.open(drawingFile);
            }
            return document;
        }

        private void closeDrawing() {
            if (document != null) {
                document.close();
            }
            if (drawingFile != null) {
                try {
                    Files.deleteIfExists(drawingFile);
                } catch (IOException e) {
                    LOG.warn("could not delete {}: {}", drawingFile, e.toString());
                }
            }
        }

        private String stageName() {
            return job.currentStage() == null ? "-" : job.currentStage().wireName();
        }

        private ProcessingReport report(Outcome outcome) {
            return new ProcessingReport(outcome, stageDurations, pagesProcessed, usage);
        }
    }
}
