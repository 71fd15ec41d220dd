package io.mocplatform.processor.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.mocplatform.fixtures.HostilePdfs;
import io.mocplatform.fixtures.SampleDrawings;
import io.mocplatform.function.lambda.LocalLambdaContext;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.model.persistence.JobTable;
import io.mocplatform.model.queue.DrawingJobMessage;
import io.mocplatform.processor.api.DrawingJobHandler;
import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEnvironment;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the whole pipeline (real handler, offline analyser, emulated S3/DynamoDB/SQS in this JVM) for
 * generated drawings of 1, 20 and 100 pages, against a baseline in the same run: PDFBox alone doing the same
 * per-page work (text extraction and PNG rendering at the same DPI) with no storage, checkpoints or analysis.
 * Prints pages per second, the pipeline/baseline time ratio and peak heap (sum of heap pool peaks, reset before
 * each run). Not a test: run it by hand, see the module README for the command.
 */
public final class ProcessorBenchmark {

    private static final int DPI = 150;

    private ProcessorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 20, 100};
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
                bench.pipeline(SampleDrawings.drawing(2).pdf());
                baseline(SampleDrawings.drawing(2).pdf());
                System.out.printf("%-6s %12s %12s %10s %14s %14s %8s%n", "pages", "pipeline ms", "baseline ms",
                        "pages/s", "baseline p/s", "peak heap MB", "ratio");
                for (int pages : sizes) {
                    byte[] pdf = SampleDrawings.drawing(pages).pdf();
                    Measured base = measure(() -> baseline(pdf));
                    Measured run = measure(() -> bench.pipeline(pdf));
                    System.out.printf("%-6d %12d %12d %10.2f %14.2f %14.1f %8.2f%n", pages, run.millis(),
                            base.millis(), pages * 1000.0 / run.millis(), pages * 1000.0 / base.millis(),
                            run.peakHeapBytes() / 1048576.0, (double) run.millis() / base.millis());
                }
                // A few hundred bytes declaring a 22000 pt page: 2.1 billion pixels at 150 DPI without the cap.
                Measured bomb = measure(() -> bench.pipeline(HostilePdfs.hugeMediaBox()));
                System.out.printf("%nrender bomb (%d-byte PDF, 22000 pt page): completed in %d ms, peak heap %.1f MB"
                        + " (max heap %d MB)%n", HostilePdfs.hugeMediaBox().length, bomb.millis(),
                        bomb.peakHeapBytes() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
            }
        }
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

    /** The same per-page work the pipeline does, with nothing stored. */
    private static void baseline(byte[] pdf) throws Exception {
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

        void pipeline(byte[] pdf) throws Exception {
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
        }
    }
}
