package io.mocplatform.devstack.sqs;

import io.mocplatform.devstack.lambda.InvocationResult;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Lambda's SQS event source mapping for one queue and one function: long polling for up to {@code batchSize}
 * messages with their system attributes (receive count, timestamps) and message attributes, one invocation per
 * batch, then the outcome applied as Lambda applies it. Success deletes the batch; a function error or timeout
 * leaves the whole batch to come back after its visibility timeout; with {@code reportBatchItemFailures} only the
 * reported messages are left. Redrive to the dead-letter queue after {@code maxReceiveCount} is the queue's own
 * (ElasticMQ applies the redrive policy).
 */
public final class EventSourceMapping implements AutoCloseable {

    /**
     * Lambda long-polls for 20 s. Locally 5 s: the same behaviour (no empty receives while a message waits), but
     * an abandoned poll no longer holds ElasticMQ's shutdown for 20 s when the stack stops.
     */
    private static final int LONG_POLL_SECONDS = 5;
    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(1);

    /**
     * @param function                function name
     * @param queueUrl                queue polled
     * @param queueArn                its ARN ({@code eventSourceARN})
     * @param region                  region ({@code awsRegion})
     * @param batchSize               messages per invocation at most
     * @param reportBatchItemFailures whether the function's partial batch response is honoured
     */
    public record Settings(String function, String queueUrl, String queueArn, String region, int batchSize,
                           boolean reportBatchItemFailures) {

        public Settings {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(queueUrl, "queueUrl");
            if (batchSize < 1 || batchSize > 10) {
                throw new IllegalArgumentException("batch size must be 1..10: " + batchSize);
            }
        }
    }

    private final Settings settings;
    private final SqsClient sqs;
    private final BiFunction<String, byte[], InvocationResult> invoker;
    private final Consumer<String> log;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile boolean delivering;

    private EventSourceMapping(Settings settings, SqsClient sqs, BiFunction<String, byte[], InvocationResult> invoker,
                               Consumer<String> log) {
        this.settings = settings;
        this.sqs = sqs;
        this.invoker = invoker;
        this.log = log;
        this.poller = Thread.ofPlatform().daemon().name("esm-" + settings.function()).unstarted(this::pollLoop);
    }

    /** Starts polling on a thread of its own. */
    public static EventSourceMapping start(Settings settings, SqsClient sqs,
                                           BiFunction<String, byte[], InvocationResult> invoker,
                                           Consumer<String> log) {
        EventSourceMapping mapping = new EventSourceMapping(settings, sqs, invoker, log);
        mapping.poller.start();
        return mapping;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Stops polling. A batch being delivered gets a few seconds to finish (and be deleted); an idle long poll is
     * abandoned, and anything it still receives comes back after its visibility timeout.
     */
    @Override
    public void close() {
        running = false;
        if (!delivering) {
            poller.interrupt();
            return;
        }
        try {
            poller.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller.interrupt();
    }

    private void pollLoop() {
        while (running) {
            try {
                List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(settings.queueUrl())
                        .maxNumberOfMessages(settings.batchSize()).waitTimeSeconds(LONG_POLL_SECONDS)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
                if (!batch.isEmpty() && running) {
                    delivering = true;
                    try {
                        deliver(batch);
                    } finally {
                        delivering = false;
                    }
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.accept(settings.function() + " poller: " + e.getMessage());
                sleep(ERROR_BACKOFF);
            }
        }
    }

    /** One batch through the function, with Lambda's rules for what gets deleted. */
    void deliver(List<Message> batch) {
        byte[] event = SqsEvents.event(batch, settings.queueArn(), settings.region());
        InvocationResult result = invoker.apply(settings.function(), event);
        Set<String> ids = batch.stream().map(Message::messageId).collect(Collectors.toUnmodifiableSet());
        List<Message> toDelete;
        if (!result.ok()) {
            toDelete = List.of();
            log.accept(settings.function() + " batch of " + batch.size() + " failed (" + result.status() + "): "
                    + "messages return after their visibility timeout");
        } else if (!settings.reportBatchItemFailures()) {
            toDelete = batch;
        } else {
            Set<String> failed = SqsEvents.failedItems(result.payload(), ids);
            if (failed == null) {
                toDelete = List.of();
                log.accept(settings.function() + " returned an invalid batchItemFailures list: whole batch failed");
            } else {
                if (failed.isEmpty() && SqsEvents.looksMisnamed(result.payload())) {
                    log.accept(settings.function() + " WARNING: response is not {\"batchItemFailures\":[...]} in "
                            + "camelCase; Lambda ignores it and deletes the whole batch, and so does the devstack");
                }
                toDelete = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
                if (!failed.isEmpty()) {
                    log.accept(settings.function() + " reported " + failed.size() + " of " + batch.size()
                            + " messages failed: they return after their visibility timeout");
                }
            }
        }
        delete(toDelete);
    }

    private void delete(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = messages.stream()
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle())
                        .build())
                .toList();
        var response = sqs.deleteMessageBatch(b -> b.queueUrl(settings.queueUrl()).entries(entries));
        response.failed().forEach(f -> log.accept(settings.function() + " could not delete message " + f.id()
                + ": " + f.message()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
