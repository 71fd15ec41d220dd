package io.mocplatform.dlq.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.mocplatform.dlq.domain.AlertPublishException;
import io.mocplatform.dlq.domain.DeadLetterPolicy;
import io.mocplatform.dlq.domain.DeadLetterService;
import io.mocplatform.dlq.domain.MessageClaim;
import io.mocplatform.dlq.domain.WindowCounts;
import io.mocplatform.dlq.domain.port.AlertLedger;
import io.mocplatform.dlq.domain.port.AlertPublisher;
import io.mocplatform.function.lambda.CurrentLambdaContext;
import io.mocplatform.function.logging.JsonLineEncoder;
import io.mocplatform.function.metrics.Metrics;
import io.mocplatform.function.sqs.SqsBatch;
import io.mocplatform.jobstore.JobDeadLetter;
import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The one structured log line per dead message, as CloudWatch Logs Insights will read it (JSON encoder). */
class DeadLetterConsumerTest {

    private final JsonMapper json = ObjectMapper.getDefault();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final JsonLineEncoder encoder = new JsonLineEncoder();
    private final Logger logger = (Logger) LoggerFactory.getLogger(DeadLetterConsumer.class);
    private final List<String> metrics = new ArrayList<>();
    private boolean publishFails;

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        encoder.setContext(context);
        encoder.start();
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    private DeadLetterConsumer processor() {
        JobDeadLetter noJobs = new JobDeadLetter() {
            @Override public Optional<Job> find(String jobId) { return Optional.empty(); }
            @Override public JobWrite markDeadAndClaimAlert(String id, JobError e, Instant at, Instant stale) {
                throw new AssertionError("nothing to save");
            }
            @Override public JobWrite confirmAlert(String id, Instant at, Instant sent) {
                throw new AssertionError("nothing to save");
            }
            @Override public JobWrite releaseAlert(String id, Instant at, JobError e) {
                throw new AssertionError("nothing to save");
            }
        };
        AlertLedger ledger = new AlertLedger() {
            @Override public MessageClaim claimAlert(String m, Instant at, Instant stale, Instant exp) {
                return MessageClaim.claimed();
            }
            @Override public void confirmAlert(String m, Instant at, Instant sent) { }
            @Override public void releaseAlert(String m, Instant at) { }
            @Override public WindowCounts countDeadMessage(Instant s, Instant e, String t, Instant exp) {
                return new WindowCounts(1, Map.of(t, 1L));
            }
            @Override public Optional<WindowCounts> claimStormAlert(Instant s, Instant at, Instant stale) {
                return Optional.empty();
            }
            @Override public void confirmStormAlert(Instant s, Instant at, Instant sent) { }
            @Override public void releaseStormAlert(Instant s, Instant at) { }
        };
        AlertPublisher publisher = n -> {
            if (publishFails) {
                throw new AlertPublishException("throttled", null);
            }
        };
        DeadLetterPolicy policy = new DeadLetterPolicy("dev", "arn:q", "arn:dlq", 5, Duration.ofMinutes(15),
                "docs/runbook.md", 256, Duration.ofDays(15),
                Duration.ofMinutes(2));
        DeadLetterService service = new DeadLetterService(noJobs, ledger, publisher, policy, Clock.systemUTC());
        return new DeadLetterConsumer(new DeadLetterReader(json), service, json,
                new Metrics(metrics::add, "dlq-handler"), new CurrentLambdaContext());
    }

    private static SQSEvent.SQSMessage poison() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setBody("not json");
        message.setAttributes(Map.of("ApproximateReceiveCount", "4"));
        return message;
    }

    private JsonNode onlyLine() throws Exception {
        assertThat(appender.list).hasSize(1);
        return json.readValue(new String(encoder.encode(appender.list.get(0)), StandardCharsets.UTF_8), JsonNode.class);
    }

    @Test
    void shouldWriteOneJsonLineWithEveryAlertFieldAndTheOutcome() throws Exception {
        SqsBatch.Outcome outcome = processor().process(poison());

        JsonNode line = onlyLine();
        assertThat(outcome).isEqualTo(SqsBatch.Outcome.DONE);
        assertThat(line.get("level").getStringValue()).isEqualTo("WARN");
        assertThat(line.get("dlq_outcome").getStringValue()).isEqualTo("alerted");
        assertThat(line.get("kind").getStringValue()).isEqualTo("poison_message");
        assertThat(line.get("severity").getStringValue()).isEqualTo("high");
        assertThat(line.get("message_id").getStringValue()).isEqualTo("m-1");
        assertThat(line.get("receive_count").getIntValue()).isEqualTo(4);
        assertThat(line.get("raw_body").getStringValue()).isEqualTo("not json");
        assertThat(line.get("redrive_command").getStringValue()).contains("start-message-move-task");
        assertThat(line.get("function").getStringValue()).isEqualTo("dlq-handler");
        assertThat(metrics).singleElement().asString().contains("\"AlertsSent\":1.0", "\"dlq_outcome\":\"alerted\"");
    }

    @Test
    void shouldLogAnErrorAndAskForRetry_whenTheAlertCannotBePublished() throws Exception {
        publishFails = true;

        SqsBatch.Outcome outcome = processor().process(poison());

        JsonNode line = onlyLine();
        assertThat(outcome).isEqualTo(SqsBatch.Outcome.RETRY);
        assertThat(line.get("level").getStringValue()).isEqualTo("ERROR");
        assertThat(line.get("dlq_outcome").getStringValue()).isEqualTo("publish_failed");
        assertThat(metrics).singleElement().asString().contains("\"AlertFailures\":1.0");
    }
}
