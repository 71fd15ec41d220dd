package io.mocplatform.processor.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.json.tree.JsonNode;
import io.mocplatform.fixtures.HostilePdfs;
import io.mocplatform.fixtures.SampleDrawings;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStage;
import io.mocplatform.model.job.JobStatus;
import io.mocplatform.testkit.AwsClients;
import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import io.mocplatform.testkit.edge.AwsService;
import io.mocplatform.testkit.edge.EdgeFilter;
import io.mocplatform.testkit.ssm.SsmStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The processor with {@code ANALYZER=gemini}: API key from (fake) SSM, Gemini faked by WireMock. */
@WithLocalAws
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeminiProcessingIT {

    private static final String GENERATE = "/v1beta/models/gemini-it:generateContent";
    private static final String EMPTY_ANSWER = """
            {"candidates":[{"content":{"parts":[{"text":"{\\"components\\":[]}"}]}}],
             "usageMetadata":{"promptTokenCount":1000,"candidatesTokenCount":10}}""";
    /** How long a redelivery may take on a machine under heavy load; only an upper bound, never a lower one. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private WireMockServer fake;
    private SsmStandIn parameters;
    private String parameter;
    private ProcessorHarness harness;
    private CapturingMetricsSink metrics;
    private LocalAws localAws;
    private EdgeFilter visibilityRecorder;
    /** Every {@code VisibilityTimeout} the processor set on this class's queue, in seconds, in order. */
    private final List<Integer> visibilityChanges = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start(LocalAwsEnvironment env, AwsClients aws, LocalAws localAws) {
        // The class's own environment's key, read from the Parameter Store stand-in as in AWS: the processor's role
        // may read only its environment's parameter.
        parameter = "/moc-platform/" + env.name() + "/gemini-api-key";
        parameters = localAws.ssm();
        parameters.putSecureStringIfAbsent(parameter, "it-key");
        fake = new WireMockServer(options().dynamicPort());
        fake.start();
        harness = new ProcessorHarness(env, aws, Map.of(
                "processor.analyzer", "gemini",
                "processor.backoff-base", "1s",
                "processor.backoff-cap", "2s",
                "gemini.api-key-parameter", parameter,
                "gemini.model", "gemini-it",
                "gemini.max-images", 2,
                "gemini.base-url", fake.baseUrl()));
        metrics = harness.context.getBean(CapturingMetricsSink.class);
        // The delay the processor asks for is observed on its way to SQS, so no assertion depends on how fast
        // this machine redelivers or how long a delivery takes under load.
        this.localAws = localAws;
        String queueUrl = env.jobsQueueUrl();
        visibilityRecorder = (request, next) -> {
            if (request.service() == AwsService.SQS
                    && request.header("X-Amz-Target").orElse("").endsWith(".ChangeMessageVisibility")) {
                JsonNode body = harness.json.readValue(request.body().bytes(), JsonNode.class);
                if (queueUrl.equals(body.get("QueueUrl").getStringValue())) {
                    visibilityChanges.add(body.get("VisibilityTimeout").getIntValue());
                }
            }
            return next.proceed(request);
        };
        localAws.edge().addFilter(visibilityRecorder);
    }

    @AfterAll
    void stop() {
        localAws.edge().removeFilter(visibilityRecorder);
        harness.close();
        fake.stop();
    }

    @BeforeEach
    void reset() {
        fake.resetAll();
        metrics.clear();
        visibilityChanges.clear();
        harness.aws.sqs().purgeQueue(b -> b.queueUrl(harness.env.jobsQueueUrl()));
        harness.aws.sqs().purgeQueue(b -> b.queueUrl(harness.env.jobsDlqUrl()));
    }

    @Test
    void shouldCompleteWithTokensAndCost_whenGeminiAnswers() throws IOException {
        fake.stubFor(post(urlEqualTo(GENERATE)).withHeader("x-goog-api-key", equalTo("it-key"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"candidates":[{"content":{"parts":[{"text":"{\\"components\\":[{\\"tag\\":\\"CR-101\\",\\"type\\":\\"card_reader\\",\\"pages\\":[1,2],\\"description\\":\\"Card Reader\\"}]}"}]}}],
                         "usageMetadata":{"promptTokenCount":20000,"candidatesTokenCount":1000}}""")));
        String jobId = harness.submit(SampleDrawings.drawing(2).pdf());

        assertThat(harness.deliver().returnedToQueue()).isFalse();

        Job job = harness.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.result().analyzer()).isEqualTo("gemini");
        assertThat(job.result().componentCount()).isEqualTo(1);
        assertThat(job.result().inputTokens()).isEqualTo(20_000);
        assertThat(job.result().outputTokens()).isEqualTo(1_000);
        assertThat(job.result().estimatedCostUsd()).isCloseTo(0.0085, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode outcome = harness.json.readValue(metrics.documents().stream()
                .filter(d -> d.contains("JobOutcome")).findFirst().orElseThrow(), JsonNode.class);
        assertThat(outcome.get("InputTokens").getLongValue()).isEqualTo(20_000);
        assertThat(outcome.get("OutputTokens").getLongValue()).isEqualTo(1_000);
        assertThat(outcome.get("EstimatedCost").getDoubleValue()).isCloseTo(0.0085,
                org.assertj.core.data.Offset.offset(1e-9));
        Map<String, String> units = new java.util.HashMap<>();
        outcome.get("_aws").get("CloudWatchMetrics").get(0).get("Metrics").values().forEach(definition ->
                units.put(definition.get("Name").getStringValue(), definition.get("Unit").getStringValue()));
        assertThat(units).containsEntry("InputTokens", "Count").containsEntry("OutputTokens", "Count")
                .containsEntry("EstimatedCost", "None").containsEntry("JobOutcome", "Count");
    }

    @Test
    void shouldRenderOnlyThePagesGeminiReceives_whenTheDrawingHasMorePagesThanMaxImages() {
        fake.stubFor(post(urlEqualTo(GENERATE)).willReturn(aResponse().withStatus(200).withBody(EMPTY_ANSWER)));
        String jobId = harness.submit(SampleDrawings.drawing(4).pdf());

        harness.deliver();

        assertThat(harness.job(jobId).status()).isEqualTo(JobStatus.COMPLETED);
        String pages = "jobs/" + jobId + "/pages/";
        assertThat(harness.countObjects(pages + "page-0001.png") + harness.countObjects(pages + "page-0002.png"))
                .isEqualTo(2);
        assertThat(harness.countObjects(pages + "page-0003.png") + harness.countObjects(pages + "page-0004.png"))
                .isZero();
        assertThat(harness.countObjects(pages)).isEqualTo(4 + 2);
        fake.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
        assertThat(fake.getAllServeEvents().get(0).getRequest().getBodyAsString()).contains("Image of page 2:")
                .doesNotContain("Image of page 3:");
    }

    @Test
    void shouldCompleteWithScaledDownImage_andSaySo_whenThePageIsARenderBomb() {
        fake.stubFor(post(urlEqualTo(GENERATE)).willReturn(aResponse().withStatus(200).withBody(EMPTY_ANSWER)));
        String jobId = harness.submit(HostilePdfs.hugeMediaBox());

        harness.deliver();

        Job job = harness.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.result().warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.type()).isEqualTo("page_image_scaled_down");
            assertThat(warning.pages()).containsExactly(1);
        });
    }

    static Stream<HostilePdfs.HostilePdf> hostileDrawings() {
        return HostilePdfs.all().stream();
    }

    /** The offline pipeline renders nothing; here the hostile files go through rendering too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDrawings")
    void shouldEndInOneAttempt_completedOrFailedForGood_whenAHostileDrawingIsRendered(HostilePdfs.HostilePdf hostile) {
        fake.stubFor(post(urlEqualTo(GENERATE)).willReturn(aResponse().withStatus(200).withBody(EMPTY_ANSWER)));
        harness.assertEndsInOneAttempt(hostile);
    }

    @Test
    void shouldBackOffByVisibility_andDeadLetterAfterThreeReceives_whenGeminiKeepsRateLimiting() {
        fake.stubFor(post(urlEqualTo(GENERATE)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                .withBody("{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}")));
        String jobId = harness.submit(SampleDrawings.drawing(2).pdf());

        SqsEventSource.Delivery first = harness.deliver();

        assertThat(first.returnedToQueue()).isTrue();
        Job job = harness.job(jobId);
        assertThat(job.status()).isEqualTo(JobStatus.PROCESSING);
        assertThat(job.error().type()).isEqualTo("gemini_rate_limited");
        assertThat(job.error().retryable()).isTrue();
        assertThat(job.stagesCompleted()).containsExactly(JobStage.VALIDATION, JobStage.PDF_PROCESSING);
        // Hidden for the server's 2 s hint (above the 0.5-1 s of the first backoff), not the 120 s the receive asked
        // for, and not 0 (returned at once).
        assertThat(visibilityChanges).containsExactly(2);
        for (int receive = 2; receive <= 3; receive++) {
            SqsEventSource.Delivery again = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> harness.events.deliverNext(ProcessorHarness.generous(), 1), Optional::isPresent)
                    .orElseThrow();
            assertThat(again.returnedToQueue()).isTrue();
            assertThat(again.record().getAttributes()).containsEntry("ApproximateReceiveCount",
                    Integer.toString(receive));
            assertThat(visibilityChanges).hasSize(receive).containsOnly(2);
        }

        List<Message> dead = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            harness.events.deliverNext(ProcessorHarness.generous(), 0);
            return harness.aws.sqs().receiveMessage(b -> b.queueUrl(harness.env.jobsDlqUrl())).messages();
        }, messages -> !messages.isEmpty());
        assertThat(dead.get(0).body()).contains(jobId);
        fake.verify(3, postRequestedFor(urlEqualTo(GENERATE)));
        // The key is read once and then cached, not once per delivery.
        assertThat(parameters.reads(parameter)).isEqualTo(1);
        assertThat(metrics.documents().stream().filter(d -> d.contains("\"pdf_processing\""))).hasSize(1);
    }
}
