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
     * Lambda long-polls for 20 s. Locally 1 s: the same behaviour (a waiting message is returned at once, no empty
     * receives while one waits), and a stop never waits long for a poll to return. No poll may be pending when
     * ElasticMQ stops: its actor system would fail it ({@code AskTimeoutException}) and its store would be closed
     * under it.
     */
    static final int LONG_POLL_SECONDS = 1;
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
    private volatile boolean abandoned;

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

    /** Starts no further poll or batch; what is under way goes on (see {@link #awaitStopped}). */
    public void stopPolling() {
        running = false;
    }

    /**
     * Waits up to {@code bound} for the poller to end: its current long poll to return and a batch being delivered
     * to finish (and be deleted). A batch still running at the bound is abandoned, as Lambda abandons an
     * invocation: the function is neither interrupted nor waited for, nothing is deleted, and the messages come
     * back after their visibility timeout.
     *
     * @return true when the poller ended, false when it was abandoned with a batch in flight
     */
    public boolean awaitStopped(Duration bound) {
        stopPolling();
        try {
            poller.join(bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!poller.isAlive()) {
            return true;
        }
        if (delivering) {
            abandoned = true;
            return false;
        }
        // Between two polls or inside one: nothing of the function's to wait for.
        poller.interrupt();
        return true;
    }

    /** Stops polling and waits a few seconds for a batch in flight ({@link #awaitStopped}). */
    @Override
    public void close() {
        awaitStopped(Duration.ofSeconds(5));
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
        if (abandoned) {
            // Lambda never hears back from an invocation it abandoned: nothing is deleted.
            return;
        }
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
