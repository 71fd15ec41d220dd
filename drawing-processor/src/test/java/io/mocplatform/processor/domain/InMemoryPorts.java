package io.mocplatform.processor.domain;

import io.mocplatform.jobstore.JobLease;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobProgress;
import io.mocplatform.model.job.JobResult;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.processor.domain.port.DrawingAnalyzer;
import io.mocplatform.processor.domain.port.DrawingStore;
import io.mocplatform.processor.domain.port.PageStore;
import io.mocplatform.processor.domain.port.PdfReader;
import io.mocplatform.processor.domain.port.ResultStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Small in-memory stand-ins for the pipeline's ports, for domain unit tests. */
final class InMemoryPorts {

    private InMemoryPorts() {
    }

    /**
     * The processor's writes with the real store's conditions: a take needs the status read (and, from processing,
     * a free, own or lapsed lease); every later write needs this delivery's lease on a processing job.
     */
    static final class Jobs implements JobLease {
        final Map<String, Job> rows = new HashMap<>();
        /** Applied to the stored row after each applied write, to simulate a concurrent writer. */
        UnaryOperator<Job> afterWrite = UnaryOperator.identity();
        int writes;

        void put(Job job) {
            rows.put(job.jobId(), job);
        }

        Job get(String jobId) {
            return rows.get(jobId);
        }

        @Override
        public Optional<Job> find(String jobId) {
            return Optional.ofNullable(rows.get(jobId));
        }

        @Override
        public JobWrite take(String jobId, String deliveryId, JobStatus seen, JobStage stage, Instant now,
                             Instant expiresAt) {
            Predicate<Job> free = job -> job.leaseOwner() == null || job.leaseOwner().equals(deliveryId)
                    || job.leaseExpiresAt() == null || !job.leaseExpiresAt().isAfter(now);
            return write(jobId, job -> job.status() == seen && (seen == JobStatus.QUEUED || free.test(job)),
                    job -> job.toBuilder().status(JobStatus.PROCESSING).leaseOwner(deliveryId)
                            .leaseExpiresAt(expiresAt).currentStage(stage).updatedAt(now)
                            .attempts(job.attempts() + 1)
                            .startedAt(seen == JobStatus.QUEUED || job.startedAt() == null ? now : job.startedAt()));
        }

        @Override
        public JobWrite recordProgress(String jobId, String deliveryId, JobProgress progress, Instant now) {
            return held(jobId, deliveryId, job -> job.toBuilder().progress(progress).lastCheckpoint(now).updatedAt(now));
        }

        @Override
        public JobWrite completeStage(String jobId, String deliveryId, List<JobStage> stagesCompleted,
                                      JobStage current, Instant now) {
            return held(jobId, deliveryId, job -> job.toBuilder().stagesCompleted(stagesCompleted)
                    .currentStage(current).lastCheckpoint(now).updatedAt(now));
        }

        @Override
        public JobWrite handOn(String jobId, String deliveryId, JobStage resumeFrom, Instant now) {
            return held(jobId, deliveryId, job -> job.toBuilder().currentStage(resumeFrom).lastCheckpoint(now)
                    .updatedAt(now).leaseOwner(null).leaseExpiresAt(null));
        }

        @Override
        public JobWrite releaseForRetry(String jobId, String deliveryId, JobError error, Instant now) {
            return held(jobId, deliveryId, job -> job.toBuilder().error(error).updatedAt(now).leaseOwner(null)
                    .leaseExpiresAt(null));
        }

        @Override
        public JobWrite complete(String jobId, String deliveryId, JobResult result, Instant now) {
            return held(jobId, deliveryId, job -> job.toBuilder().status(JobStatus.COMPLETED).result(result)
                    .error(null).stagesCompleted(List.of(JobStage.values())).currentStage(JobStage.RESULT)
                    .lastCheckpoint(now).updatedAt(now).leaseOwner(null).leaseExpiresAt(null));
        }

        @Override
        public JobWrite fail(String jobId, String deliveryId, JobError error, Instant now) {
            return held(jobId, deliveryId, job -> job.toBuilder().status(JobStatus.FAILED).error(error)
                    .updatedAt(now).leaseOwner(null).leaseExpiresAt(null));
        }

        private JobWrite held(String jobId, String deliveryId, Function<Job, Job.Builder> change) {
            return write(jobId, job -> job.status() == JobStatus.PROCESSING && deliveryId.equals(job.leaseOwner()),
                    change);
        }

        private JobWrite write(String jobId, Predicate<Job> condition, Function<Job, Job.Builder> change) {
            Job stored = rows.get(jobId);
            if (stored == null || !condition.test(stored)) {
                return new JobWrite.Refused(Optional.ofNullable(stored));
            }
            Job written = change.apply(stored).build();
            rows.put(jobId, written);
            writes++;
            rows.put(jobId, afterWrite.apply(written));
            return new JobWrite.Applied(written);
        }
    }

    /**
     * Drawings as text: each line of the "file" is one page, separated by form feeds. An empty page has no text
     * layer; a page starting with "HUGE" renders at a quarter of the requested resolution; a page starting with
     * "BROKEN" cannot be read (as PDFBox failing on it).
     */
    static final class Drawings implements DrawingStore, PdfReader {
        final Map<String, String> objects = new HashMap<>();
        volatile int opened;
        final List<Integer> rendered = java.util.Collections.synchronizedList(new ArrayList<>());

        void put(String key, String... pages) {
            objects.put(key, String.join("\f", pages));
        }

        @Override
        public OptionalLong size(String key) {
            String value = objects.get(key);
            return value == null ? OptionalLong.empty() : OptionalLong.of(value.length());
        }

        @Override
        public void download(String key, Path target) {
            try {
                Files.writeString(target, objects.get(key));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized PdfDocument open(Path file) {
            opened++;
            String[] pages;
            try {
                pages = Files.readString(file, StandardCharsets.UTF_8).split("\f", -1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new PdfDocument() {
                @Override
                public int pageCount() {
                    return pages.length;
                }

                @Override
                public PageText text(int pageNumber) {
                    String text = pages[pageNumber - 1];
                    if (text.startsWith("BROKEN")) {
                        throw new DrawingRejectedException(FailureType.CORRUPT_PDF,
                                "page " + pageNumber + " cannot be read");
                    }
                    return new PageText(pageNumber, text.isEmpty() ? List.of()
                            : List.of(new TextLine(text, 0, 0, 1, 1, 0)));
                }

                @Override
                public PageImage renderPng(int pageNumber, int dpi, long maxPixels) {
                    rendered.add(pageNumber);
                    return new PageImage(new byte[] {(byte) pageNumber},
                            pages[pageNumber - 1].startsWith("HUGE") ? dpi / 4 : dpi);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    static final class WorkFiles implements PageStore, ResultStore {
        final Map<String, Object> objects = new HashMap<>();
        final List<Integer> pageOrder = new ArrayList<>();

        @Override
        public void savePage(String jobId, RenderedPage page) {
            pageOrder.add(page.pageNumber());
            objects.put(jobId + "/text/" + page.pageNumber(), page.processed());
            objects.put(jobId + "/png/" + page.pageNumber(), page.png());
        }

        @Override
        public ProcessedPage loadPage(String jobId, int pageNumber) {
            return (ProcessedPage) objects.get(jobId + "/text/" + pageNumber);
        }

        @Override
        public byte[] loadImage(String jobId, int pageNumber) {
            return (byte[]) objects.get(jobId + "/png/" + pageNumber);
        }

        @Override
        public void saveAnalysis(String jobId, Analysis analysis) {
            objects.put(jobId + "/analysis", analysis);
        }

        @Override
        public Optional<Analysis> loadAnalysis(String jobId) {
            return Optional.ofNullable((Analysis) objects.get(jobId + "/analysis"));
        }

        @Override
        public ScheduleKeys saveSchedule(String jobId, Analysis analysis) {
            objects.put("results/" + jobId, analysis);
            return new ScheduleKeys("results/" + jobId + "/schedule.json", "results/" + jobId + "/schedule.csv");
        }
    }

    /** Finds every whitespace-separated word starting with "CR-" as a card reader. */
    static final class WordAnalyzer implements DrawingAnalyzer {
        RuntimeException failure;
        int imagePages;
        Duration minimumTime = Duration.ZERO;
        Duration lastBudget;
        int calls;

        @Override
        public String name() {
            return "words";
        }

        @Override
        public Duration minimumTime() {
            return minimumTime;
        }

        @Override
        public int imagePages() {
            return imagePages;
        }

        @Override
        public Analysis analyze(AnalysisInput input) {
            calls++;
            lastBudget = input.deadline().remaining();
            if (failure != null) {
                throw failure;
            }
            Map<String, List<Integer>> tags = new java.util.TreeMap<>();
            for (PageText page : input.pages()) {
                for (TextLine line : page.lines()) {
                    for (String word : line.text().split("\\s+")) {
                        if (word.startsWith("CR-")) {
                            tags.computeIfAbsent(word, w -> new ArrayList<>()).add(page.pageNumber());
                        }
                    }
                }
            }
            List<Component> components = new ArrayList<>();
            tags.forEach((tag, pages) -> components.add(new Component(tag, "card_reader", pages, "Card reader")));
            return new Analysis(components, name(), new TokenUsage(100, 20, 0.01));
        }
    }
}
