package io.mocplatform.function.metrics;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteOneEmfDocumentWithNamespaceDimensionAndUnits() throws IOException {
        List<String> lines = new ArrayList<>();
        Metrics metrics = new Metrics(lines::add, "drawing-processor");

        metrics.start().put("StageDuration", 125, Unit.MILLISECONDS).put("Pages", 3, Unit.COUNT)
                .property("job_id", "job_1").flush();

        assertThat(lines).hasSize(1);
        Map<String, Object> doc = ObjectMapper.getDefault().readValue(lines.get(0), Map.class);
        assertThat(doc).containsEntry("StageDuration", 125.0).containsEntry("Pages", 3.0)
                .containsEntry("function", "drawing-processor").containsEntry("job_id", "job_1");
        Map<String, Object> aws = (Map<String, Object>) doc.get("_aws");
        Map<String, Object> directive = ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
        assertThat(directive).containsEntry("Namespace", "MocPlatform");
        assertThat((List<List<String>>) directive.get("Dimensions")).containsExactly(List.of("function"));
        assertThat((List<Map<String, Object>>) directive.get("Metrics")).containsExactlyInAnyOrder(
                Map.of("Name", "StageDuration", "Unit", "Milliseconds"), Map.of("Name", "Pages", "Unit", "Count"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSplitMetricsByTheSecondDimension_whenOneIsAdded() throws IOException {
        List<String> lines = new ArrayList<>();
        Metrics metrics = new Metrics(lines::add, "drawing-processor");

        metrics.start().dimension("stage", "pdf_processing").put("StageDuration", 80, Unit.MILLISECONDS).flush();

        Map<String, Object> doc = ObjectMapper.getDefault().readValue(lines.get(0), Map.class);
        assertThat(doc).containsEntry("stage", "pdf_processing").containsEntry("function", "drawing-processor");
        Map<String, Object> aws = (Map<String, Object>) doc.get("_aws");
        Map<String, Object> directive = ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
        assertThat((List<List<String>>) directive.get("Dimensions")).containsExactly(List.of("function", "stage"));
    }

    @Test
    void shouldNameTheLambdaFunctionInTheDimension_whenRunningInLambda() {
        List<String> inLambda = new ArrayList<>();
        List<String> local = new ArrayList<>();

        new Metrics(inLambda::add, "job-api-prod", "job-api").start().put("EnqueueFailed", 1, Unit.COUNT).flush();
        new Metrics(local::add, "", "job-api").start().put("EnqueueFailed", 1, Unit.COUNT).flush();

        assertThat(inLambda.get(0)).contains("\"function\":\"job-api-prod\"");
        assertThat(local.get(0)).contains("\"function\":\"job-api\"");
    }
}
