package io.mocplatform.processor.adapters.s3;

import io.micronaut.json.JsonMapper;
import io.mocplatform.processor.config.ProcessorConfiguration;
import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.Component;
import io.mocplatform.processor.domain.ProcessedPage;
import io.mocplatform.processor.domain.RenderedPage;
import io.mocplatform.processor.domain.port.PageStore;
import io.mocplatform.processor.domain.port.ResultStore;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A job's files in the drawings bucket: {@code jobs/<job_id>/pages/page-NNNN.png|.json},
 * {@code jobs/<job_id>/analysis.json} and {@code results/<job_id>/schedule.json|.csv}.
 */
@Singleton
class S3JobFiles implements PageStore, ResultStore {

    private static final String JSON = "application/json";

    private final S3Client s3;
    private final JsonMapper json;
    private final String bucket;

    S3JobFiles(S3Client s3, JsonMapper json, ProcessorConfiguration config) {
        this.s3 = s3;
        this.json = json;
        this.bucket = config.drawingsBucket();
    }

    static String pageKey(String jobId, int pageNumber, String extension) {
        return "jobs/%s/pages/page-%04d.%s".formatted(jobId, pageNumber, extension);
    }

    static String analysisKey(String jobId) {
        return "jobs/" + jobId + "/analysis.json";
    }

    static String scheduleKey(String jobId, String extension) {
        return "results/" + jobId + "/schedule." + extension;
    }

    @Override
    public void savePage(String jobId, RenderedPage page) {
        page.image().ifPresent(png -> put(pageKey(jobId, page.pageNumber(), "png"), "image/png", png));
        put(pageKey(jobId, page.pageNumber(), "json"), JSON, write(StoredDocuments.StoredPage.of(page)));
    }

    @Override
    public ProcessedPage loadPage(String jobId, int pageNumber) {
        return read(get(pageKey(jobId, pageNumber, "json")), StoredDocuments.StoredPage.class).toProcessedPage();
    }

    @Override
    public byte[] loadImage(String jobId, int pageNumber) {
        return get(pageKey(jobId, pageNumber, "png"));
    }

    @Override
    public void saveAnalysis(String jobId, Analysis analysis) {
        put(analysisKey(jobId), JSON, write(StoredDocuments.StoredAnalysis.of(analysis)));
    }

    @Override
    public Optional<Analysis> loadAnalysis(String jobId) {
        try {
            return Optional.of(read(get(analysisKey(jobId)), StoredDocuments.StoredAnalysis.class).toAnalysis());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public ScheduleKeys saveSchedule(String jobId, Analysis analysis) {
        ScheduleKeys keys = new ScheduleKeys(scheduleKey(jobId, "json"), scheduleKey(jobId, "csv"));
        put(keys.jsonKey(), JSON, write(StoredDocuments.Schedule.of(jobId, analysis)));
        put(keys.csvKey(), "text/csv; charset=utf-8", csv(analysis).getBytes(StandardCharsets.UTF_8));
        return keys;
    }

    /** Rows: tag, type, pages (ascending, separated by ';'), description. */
    static String csv(Analysis analysis) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("tag", "type", "pages", "description").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Component c : analysis.components()) {
                printer.printRecord(c.tag(), c.type(),
                        c.pages().stream().map(String::valueOf).collect(Collectors.joining(";")), c.description());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void put(String key, String contentType, byte[] body) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(body));
    }

    private byte[] get(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(byte[] body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
