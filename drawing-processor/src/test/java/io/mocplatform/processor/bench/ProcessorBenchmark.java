package io.mocplatform.processor.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.mocplatform.fixtures.HostilePdfs;
import io.mocplatform.fixtures.drawings.CadCorpus;
import io.mocplatform.fixtures.drawings.CorpusDrawing;
import io.mocplatform.function.lambda.LocalLambdaContext;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.processor.api.DrawingJobHandler;
import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEnvironment;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time of the whole pipeline (real handler, offline analyser, emulated S3/DynamoDB/SQS in this JVM) for CAD-style
 * drawings of 20 and 100 pages (the sheets of the {@code test-fixtures} corpus, repeated), against two anchors
 * measured in the same run on the same file: {@code pdftoppm -r 150} (poppler, a separate process; install it with
 * {@code apt-get install -y poppler-utils}) and PDFBox alone rendering and extracting every page with nothing
 * stored. Each figure is the median of {@code RUNS} runs. Prints the ratios, the job's queued → completed time
 * (the job row's {@code created_at} → {@code updated_at}, the handler invoked as the queue poller would) and peak
 * heap (sum of the heap pools' peaks, reset before each run; the emulators share the heap, so it is an upper bound).
 * Not a test: run it by hand, see the module README for the command.
 */
public final class ProcessorBenchmark {

    private static final int DPI = 150;
    private static final int RUNS = 3;

    private ProcessorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {20, 100};
        try (LocalAws aws = LocalAws.startInMemory()) {
            LocalAwsEnvironment env = aws.newEnvironment("bench");
            Map<String, Object> properties = new HashMap<>(env.micronautPropertiesFor("drawing-processor"));
            properties.put("processor.jobs-table", env.resources().jobsTable());
            properties.put("processor.drawings-bucket", env.resources().drawingsBucket());
            properties.put("processor.jobs-queue-url", env.jobsQueueUrl());
            properties.put("processor.dpi", DPI);
            properties.put("tracing.enabled", false);
            try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
                Bench bench = new Bench(aws, env, context);
                byte[] warmUp = cadDrawing(5);
                for (int i = 0; i < 3; i++) {
                    bench.pipeline(warmUp);
                    pdfBoxOnly(warmUp);
                }
                System.out.printf("%d processors, max heap %d MB, %s%n", Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() / 1048576, Pdftoppm.version());
                System.out.printf("%-6s %12s %12s %12s %12s %10s %10s %14s%n", "pages", "pipeline ms",
                        "queued>done", "pdftoppm ms", "pdfbox ms", "/pdftoppm", "/pdfbox", "peak heap MB");
                for (int pages : sizes) {
                    byte[] pdf = cadDrawing(pages);
                    List<Long> pipeline = new ArrayList<>();
                    List<Long> queuedToDone = new ArrayList<>();
                    List<Long> poppler = new ArrayList<>();
                    List<Long> pdfBox = new ArrayList<>();
                    long peak = 0;
                    for (int run = 0; run < RUNS; run++) {
                        poppler.add(Pdftoppm.available() ? measure(() -> Pdftoppm.render(pdf, DPI)).millis() : -1);
                        pdfBox.add(measure(() -> pdfBoxOnly(pdf)).millis());
                        long[] waited = new long[1];
                        Measured measured = measure(() -> waited[0] = bench.pipeline(pdf));
                        pipeline.add(measured.millis());
                        queuedToDone.add(waited[0]);
                        peak = Math.max(peak, measured.peakHeapBytes());
                    }
                    long run = median(pipeline);
                    long pop = median(poppler);
                    long box = median(pdfBox);
                    System.out.printf("%-6d %12d %12d %12d %12d %10s %10.2f %14.1f%n", pages, run,
                            median(queuedToDone), pop, box, pop > 0 ? "%.2f".formatted((double) run / pop) : "-",
                            (double) run / box, peak / 1048576.0);
                }
                // A few hundred bytes declaring a 22000 pt page: 2.1 billion pixels at 150 DPI without the cap.
                // The offline analyser reads no image, so the bomb is rendered only by the PDFBox anchor here.
                Measured bomb = measure(() -> bench.pipeline(HostilePdfs.hugeMediaBox()));
                System.out.printf("%nrender bomb (%d-byte PDF, 22000 pt page) through the offline pipeline: completed"
                        + " in %d ms, peak heap %.1f MB%n", HostilePdfs.hugeMediaBox().length, bomb.millis(),
                        bomb.peakHeapBytes() / 1048576.0);
            }
        }
    }

    /** The corpus's sheets (A3 and A1, labels as separate text objects, title blocks) repeated to {@code pages}. */
    static byte[] cadDrawing(int pages) throws Exception {
        List<PDDocument> sources = new ArrayList<>();
        try (PDDocument target = new PDDocument()) {
            List<CorpusDrawing> corpus = CadCorpus.all();
            for (int i = 0; target.getNumberOfPages() < pages; i++) {
                PDDocument source = Loader.loadPDF(corpus.get(i % corpus.size()).pdf());
                sources.add(source);
                for (PDPage page : source.getPages()) {
                    if (target.getNumberOfPages() < pages) {
                        target.importPage(page);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.save(out);
            return out.toByteArray();
        } finally {
            for (PDDocument source : sources) {
                source.close();
            }
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private record Measured(long millis, long peakHeapBytes) {
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Measured measure(Work work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        work.run();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measured(Math.max(1, millis), peak);
    }

    /** PDFBox alone: every page's text and its grey PNG at the same DPI, one page after another, nothing stored. */
    private static void pdfBoxOnly(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                stripper.getText(document);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(renderer.renderImageWithDPI(page - 1, DPI, ImageType.GRAY), "png", png);
            }
        }
    }

    private static final class Bench {
        private final LocalAws aws;
        private final LocalAwsEnvironment env;
        private final DrawingJobHandler handler;
        private final JsonMapper json;
        private final DynamoDbTable<Job> jobs;
        private int sequence;

        Bench(LocalAws aws, LocalAwsEnvironment env, ApplicationContext context) {
            this.aws = aws;
            this.env = env;
            this.handler = new DrawingJobHandler(context);
            this.json = context.getBean(JsonMapper.class);
            this.jobs = aws.clients().dynamoDbEnhanced().table(env.resources().jobsTable(), JobTable.SCHEMA);
        }

        /** Runs one job to completion and returns its queued → completed time in milliseconds. */
        long pipeline(byte[] pdf) throws Exception {
            String jobId = "job_" + (1772359200000L + ++sequence) + "_benchbenchb";
            String key = "drawings/bench/" + jobId + ".pdf";
            aws.clients().s3().putObject(b -> b.bucket(env.resources().drawingsBucket()).key(key),
                    RequestBody.fromBytes(pdf));
            Instant now = Instant.now();
            jobs.putItem(Job.queued(jobId, "bench", "drw_bench", key, now, "bench", null, null));
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId("bench-" + sequence);
            record.setReceiptHandle("bench-" + sequence);
            record.setBody(json.writeValueAsString(DrawingJobMessage.of(jobId, key, "bench", "bench", now)));
            record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            SQSEvent event = new SQSEvent();
            event.setRecords(List.of(record));
            SQSBatchResponse response = handler.handleRequest(event,
                    LocalLambdaContext.of("drawing-processor", Duration.ofMinutes(15)));
            Job job = jobs.getItem(Key.builder().partitionValue(jobId).build());
            if (!response.getBatchItemFailures().isEmpty() || job.status() != JobStatus.COMPLETED) {
                throw new IllegalStateException("benchmark job did not complete: " + job);
            }
            return Duration.between(job.createdAt(), job.updatedAt()).toMillis();
        }
    }
}
