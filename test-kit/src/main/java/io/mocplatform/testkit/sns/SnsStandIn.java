package io.mocplatform.testkit.sns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small in-process SNS for tests and the devstack (no SNS emulator is available to this project). It speaks
 * the AWS query protocol the SDK v2 {@code SnsClient} uses, for CreateTopic, DeleteTopic, ListTopics,
 * GetTopicAttributes, Subscribe, Unsubscribe, ListSubscriptionsByTopic, SetSubscriptionAttributes and Publish.
 *
 * <p>Publish records the message (readable through {@link #published(String)}), tells the listeners, and delivers
 * it synchronously to every {@code sqs} subscription, so the message is in the queue when Publish returns. With
 * {@code MessageStructure=json} the message must be a JSON object of strings with a {@code default} entry, as SNS
 * requires, and SQS subscribers get its {@code sqs} entry (or {@code default}). Other
 * protocols are accepted and recorded but not delivered. Signatures are not checked.
 *
 * <p>{@link #throttlePublishes(String, int)} makes the next publishes to one topic fail as SNS does when an account
 * is over its rate ({@code Throttled}, HTTP 429); scoping it to a topic keeps parallel tests apart.
 */
public final class SnsStandIn implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SnsStandIn.class.getName());
    /** Enough history for any test; bounded so a long devstack run does not grow without limit. */
    private static final int MAX_RECORDED = 10_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;
    private final TopicRegistry registry;
    private final SqsDelivery delivery;
    private final Clock clock;
    private final Deque<PublishedMessage> recorded = new ArrayDeque<>();
    private final List<Consumer<PublishedMessage>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();

    private SnsStandIn(HttpServer server, ExecutorService executor, TopicRegistry registry, SqsClient sqs,
                       Clock clock) {
        this.server = server;
        this.executor = executor;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.registry = registry;
        this.delivery = new SqsDelivery(sqs, endpoint);
        this.clock = clock;
    }

    /** Options for starting the stand-in. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where the stand-in answers; use it as the SNS endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    /** Every message published so far (up to the last 10,000), oldest first. */
    public List<PublishedMessage> published() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** The messages published to one topic, oldest first. */
    public List<PublishedMessage> published(String topicArn) {
        return published().stream().filter(m -> m.topicArn().equals(topicArn)).toList();
    }

    /** Calls {@code listener} with each accepted publish (after delivery); the devstack prints them. */
    public void addPublishListener(Consumer<PublishedMessage> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removePublishListener(Consumer<PublishedMessage> listener) {
        listeners.remove(listener);
    }

    /** Fails the next {@code count} publishes to {@code topicArn} with {@code Throttled}. */
    public void throttlePublishes(String topicArn, int count) {
        throttles.put(topicArn, new AtomicInteger(count));
    }

    /** Fails every publish to {@code topicArn} with {@code Throttled} until {@link #stopThrottling(String)}. */
    public void throttleAllPublishes(String topicArn) {
        throttlePublishes(topicArn, Integer.MAX_VALUE);
    }

    public void stopThrottling(String topicArn) {
        throttles.remove(topicArn);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        QueryRequest request = QueryRequest.parse(exchange.getRequestURI().getRawQuery(), body);
        int status = 200;
        String xml;
        try {
            xml = dispatch(request);
        } catch (SnsError error) {
            status = error.status();
            xml = SnsXml.error(error);
        } catch (RuntimeException unexpected) {
            status = 500;
            xml = SnsXml.error(SnsError.internal(unexpected));
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String dispatch(QueryRequest request) {
        String action = request.action();
        return switch (action) {
            case "CreateTopic" -> {
                var topic = registry.createTopic(request.require("Name"), request.stringMap("Attributes"));
                yield SnsXml.result(action, SnsXml.element("TopicArn", topic.arn()));
            }
            case "DeleteTopic" -> {
                registry.deleteTopic(request.require("TopicArn"));
                yield SnsXml.empty(action);
            }
            case "ListTopics" -> SnsXml.result(action, SnsXml.members("Topics", registry.topics().stream()
                    .map(t -> SnsXml.element("TopicArn", t.arn())).toList()));
            case "GetTopicAttributes" -> {
                var topic = registry.topic(request.require("TopicArn"));
                Map<String, String> attributes = new LinkedHashMap<>(topic.attributes());
                attributes.put("TopicArn", topic.arn());
                attributes.put("SubscriptionsConfirmed",
                        Integer.toString(registry.subscriptionsOf(topic.arn()).size()));
                yield SnsXml.result(action, SnsXml.entries("Attributes", attributes));
            }
            case "Subscribe" -> {
                var subscription = registry.subscribe(request.require("TopicArn"), request.require("Protocol"),
                        request.require("Endpoint"), request.stringMap("Attributes"));
                yield SnsXml.result(action, SnsXml.element("SubscriptionArn", subscription.arn()));
            }
            case "Unsubscribe" -> {
                registry.unsubscribe(request.require("SubscriptionArn"));
                yield SnsXml.empty(action);
            }
            case "SetSubscriptionAttributes" -> {
                registry.setSubscriptionAttribute(request.require("SubscriptionArn"),
                        request.require("AttributeName"), Objects.toString(request.get("AttributeValue"), ""));
                yield SnsXml.empty(action);
            }
            case "ListSubscriptionsByTopic" -> SnsXml.result(action, SnsXml.members("Subscriptions",
                    registry.subscriptionsOf(request.require("TopicArn")).stream()
                            .map(s -> SnsXml.element("SubscriptionArn", s.arn())
                                    + SnsXml.element("Owner", accountOf(s.topicArn()))
                                    + SnsXml.element("Protocol", s.protocol())
                                    + SnsXml.element("Endpoint", s.endpoint())
                                    + SnsXml.element("TopicArn", s.topicArn()))
                            .toList()));
            case "Publish" -> SnsXml.result(action, SnsXml.element("MessageId", publish(request)));
            default -> throw SnsError.invalidAction(action.isEmpty() ? "a request without Action" : action);
        };
    }

    private String publish(QueryRequest request) {
        String topicArn = request.get("TopicArn") != null ? request.get("TopicArn") : request.get("TargetArn");
        if (topicArn == null) {
            throw SnsError.invalidParameter("TopicArn or TargetArn is required");
        }
        registry.topic(topicArn);
        AtomicInteger throttle = throttles.get(topicArn);
        if (throttle != null && throttle.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
            throw SnsError.throttled();
        }
        String body = request.require("Message");
        Map<String, String> structure = "json".equals(request.get("MessageStructure"))
                ? MessageStructure.parse(body) : Map.of();
        PublishedMessage message = new PublishedMessage(UUID.randomUUID().toString(), topicArn,
                request.get("Subject"), body, request.messageAttributes(), clock.instant(), structure);
        for (TopicRegistry.Subscription subscription : registry.subscriptionsOf(topicArn)) {
            if ("sqs".equals(subscription.protocol())) {
                try {
                    delivery.deliver(subscription, message);
                } catch (RuntimeException e) {
                    // SNS accepts the publish even when a subscriber cannot take it (deleted queue, ...).
                    LOG.log(System.Logger.Level.WARNING, "SNS stand-in could not deliver to "
                            + subscription.endpoint() + ": " + e.getMessage());
                }
            }
        }
        synchronized (recorded) {
            if (recorded.size() == MAX_RECORDED) {
                recorded.removeFirst();
            }
            recorded.addLast(message);
        }
        listeners.forEach(listener -> listener.accept(message));
        return message.messageId();
    }

    private static String accountOf(String arn) {
        return arn.split(":")[4];
    }

    /** Builder for {@link SnsStandIn}. */
    public static final class Builder {
        private int port;
        private String region = "eu-west-2";
        private String accountId = "000000000000";
        private SqsClient sqs;
        private Path stateFile;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Port on the loopback interface; 0 (the default) picks a free one. */
        public Builder port(int value) { port = value; return this; }
        /** Region named in topic ARNs. */
        public Builder region(String value) { region = value; return this; }
        /** Account named in topic ARNs. */
        public Builder accountId(String value) { accountId = value; return this; }
        /** Client used to deliver to {@code sqs} subscriptions (required). */
        public Builder deliverWith(SqsClient value) { sqs = value; return this; }
        /** JSON file keeping topics and subscriptions across restarts; null keeps them in memory. */
        public Builder stateFile(Path value) { stateFile = value; return this; }
        /** Clock stamping published messages. */
        public Builder clock(Clock value) { clock = value; return this; }

        public SnsStandIn start() throws IOException {
            Objects.requireNonNull(sqs, "an SQS client to deliver with");
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            // Publish blocks on SQS delivery: a thread per request keeps a burst of publishes from queueing up.
            // Platform threads, as at the edge: callers on virtual threads must not starve the stand-in.
            ExecutorService executor = Executors.newCachedThreadPool(
                    Thread.ofPlatform().daemon().name("sns-stand-in-", 0).factory());
            server.setExecutor(executor);
            SnsStandIn standIn = new SnsStandIn(server, executor, new TopicRegistry(region, accountId, stateFile),
                    sqs, clock);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        }
    }
}
