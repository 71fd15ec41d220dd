package io.mocplatform.testkit.sns;

import io.mocplatform.testkit.JsonStateFile;


import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Topics and subscriptions of the SNS stand-in, optionally kept in a JSON file so the devstack finds them again
 * after a restart. Creating an existing topic or repeating a subscription returns the existing one, as SNS does.
 */
final class TopicRegistry {

    /** A topic. */
    record Topic(String arn, String name, Map<String, String> attributes) {
    }

    /** A subscription; {@code RawMessageDelivery=true} delivers the bare message instead of the envelope. */
    record Subscription(String arn, String topicArn, String protocol, String endpoint,
                        Map<String, String> attributes) {

        boolean rawMessageDelivery() {
            return Boolean.parseBoolean(attributes.getOrDefault("RawMessageDelivery", "false"));
        }
    }

    /** What the state file holds. */
    record State(List<Topic> topics, List<Subscription> subscriptions) {
    }

    private final String arnPrefix;
    private final JsonStateFile stateFile;
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

    TopicRegistry(String region, String accountId, Path stateFile) {
        this.arnPrefix = "arn:aws:sns:" + region + ":" + accountId + ":";
        this.stateFile = stateFile == null ? null : new JsonStateFile(stateFile, "SNS stand-in state");
        if (this.stateFile != null) {
            this.stateFile.read(State.class).ifPresent(state -> {
                state.topics().forEach(t -> topics.put(t.arn(), t));
                state.subscriptions().forEach(s -> subscriptions.put(s.arn(), s));
            });
        }
    }

    synchronized Topic createTopic(String name, Map<String, String> attributes) {
        if (!name.matches("[A-Za-z0-9_-]{1,256}(\\.fifo)?")) {
            throw SnsError.invalidParameter("Invalid parameter: Topic Name");
        }
        String arn = arnPrefix + name;
        Topic existing = topics.get(arn);
        if (existing != null) {
            return existing;
        }
        Topic topic = new Topic(arn, name, Map.copyOf(attributes));
        topics.put(arn, topic);
        save();
        return topic;
    }

    synchronized void deleteTopic(String arn) {
        if (topics.remove(arn) != null) {
            subscriptions.values().removeIf(s -> s.topicArn().equals(arn));
            save();
        }
    }

    synchronized List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    synchronized Topic topic(String arn) {
        Topic topic = topics.get(arn);
        if (topic == null) {
            throw SnsError.notFound("Topic does not exist");
        }
        return topic;
    }

    synchronized Subscription subscribe(String topicArn, String protocol, String endpoint,
                                        Map<String, String> attributes) {
        topic(topicArn);
        Optional<Subscription> existing = subscriptions.values().stream()
                .filter(s -> s.topicArn().equals(topicArn) && s.protocol().equals(protocol)
                        && s.endpoint().equals(endpoint))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Subscription subscription = new Subscription(topicArn + ":" + UUID.randomUUID(), topicArn, protocol,
                endpoint, Map.copyOf(attributes));
        subscriptions.put(subscription.arn(), subscription);
        save();
        return subscription;
    }

    synchronized void unsubscribe(String subscriptionArn) {
        if (subscriptions.remove(subscriptionArn) != null) {
            save();
        }
    }

    synchronized void setSubscriptionAttribute(String subscriptionArn, String name, String value) {
        Subscription current = subscriptions.get(subscriptionArn);
        if (current == null) {
            throw SnsError.notFound("Subscription does not exist");
        }
        Map<String, String> attributes = new LinkedHashMap<>(current.attributes());
        attributes.put(name, value);
        subscriptions.put(subscriptionArn, new Subscription(current.arn(), current.topicArn(), current.protocol(),
                current.endpoint(), Map.copyOf(attributes)));
        save();
    }

    synchronized List<Subscription> subscriptionsOf(String topicArn) {
        topic(topicArn);
        return subscriptions.values().stream().filter(s -> s.topicArn().equals(topicArn)).toList();
    }

    private void save() {
        if (stateFile != null) {
            stateFile.write(new State(new ArrayList<>(topics.values()), new ArrayList<>(subscriptions.values())));
        }
    }
}
