package io.mocplatform.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mocplatform.devstack.console.Console;
import io.mocplatform.devstack.demo.DemoScenario;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system in this JVM, from the functions' real Lambda zips: the demo scenario, then a restart on the
 * same data directory. The two share one data directory on purpose: the restart must find what the demo made,
 * and starting the stack is the expensive part on a small machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final Console console = DevStack.console(false);
    private DemoScenario.Report demo;
    private String tokenFromFirstRun;

    DevStackIT() throws IOException {
        dataDir = Files.createTempDirectory("devstack-it-");
    }

    @AfterAll
    void deleteDataDir() throws IOException {
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void shouldPassEveryStepOfTheDemo_onAFreshStack() throws IOException {
        try (Stack stack = Stack.start(options(), console)) {
            assertThat(stack.unavailableFunctions()).as("functions that did not start").isEmpty();
            JsonNode endpoints = JSON.readTree(dataDir.resolve(Stack.ENDPOINTS_FILE).toFile());
            assertThat(endpoints.path("api").asText()).isEqualTo(stack.apiBaseUrl().toString());
            for (String field : new String[] {"dynamodb", "sqs", "s3", "sns", "region", "alerts_topic"}) {
                assertThat(endpoints.path(field).asText()).as(field).isNotBlank();
            }
            assertThat(endpoints.path("queues").path("jobs_dlq").asText()).contains("drawing-jobs-dlq-");
            tokenFromFirstRun = stack.tokens().issue("alice", Duration.ofHours(1), Map.of());

            demo = stack.demoScenario(console::info).run();
        }

        SoftAssertions steps = new SoftAssertions();
        demo.steps().forEach(step -> steps.assertThat(step.outcome()).as(step.line())
                .isEqualTo(DemoScenario.Step.Outcome.PASSED));
        steps.assertAll();
        assertThat(Files.readAllLines(dataDir.resolve("sns-messages.jsonl"))).isNotEmpty();
    }

    @Test
    @Order(2)
    void shouldFindTheDemosJobAndImageAgain_afterARestartOnTheSameDataDir() throws Exception {
        assertThat(demo).as("the demo ran first").isNotNull();
        String imageId = demo.ids().get("image_id");
        String jobId = demo.ids().get("job_id");
        assertThat(imageId).as("image created by the demo").isNotNull();
        assertThat(jobId).as("job created by the demo").isNotNull();

        try (Stack stack = Stack.start(options(), console)) {
            String demoUser = stack.tokens().issue("demo-user", Duration.ofHours(1), Map.of());
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> image = get(http, stack.apiBaseUrl(), "/images/" + imageId, demoUser);
            HttpResponse<String> job = get(http, stack.apiBaseUrl(), "/status/" + jobId, demoUser);
            HttpResponse<String> jobs = get(http, stack.apiBaseUrl(), "/jobs", demoUser);
            HttpResponse<String> oldToken = get(http, stack.apiBaseUrl(), "/jobs", tokenFromFirstRun);

            assertThat(image.statusCode()).as(image.body()).isEqualTo(200);
            assertThat(JSON.readTree(image.body()).path("status").asText()).isEqualTo("active");
            assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
            assertThat(JSON.readTree(job.body()).path("status").asText()).isEqualTo("completed");
            assertThat(jobs.body()).contains(jobId);
            assertThat(oldToken.statusCode()).as("a token signed before the restart").isEqualTo(200);
        }
    }

    private StackOptions options() {
        return StackOptions.defaults().withPort(0).withDataDir(dataDir);
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(35)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
