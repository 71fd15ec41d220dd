package io.mocplatform.devstack.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mocplatform.devstack.console.Console;
import io.mocplatform.testkit.sns.PublishedMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Every SNS publish (the on-call alerts) printed for a person and appended as one JSON line to
 * {@code <data-dir>/sns-messages.jsonl}, so scripts and tests can wait for an alert.
 */
public final class AlertLog implements Consumer<PublishedMessage> {

    public static final String FILE = "sns-messages.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Console console;

    public AlertLog(Path dataDir, Console console) {
        this.file = dataDir.resolve(FILE);
        this.console = console;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void accept(PublishedMessage message) {
        ObjectNode line = JSON.createObjectNode();
        line.put("message_id", message.messageId());
        line.put("topic_arn", message.topicArn());
        line.put("subject", message.subject());
        line.put("timestamp", message.timestamp().toString());
        line.put("message", message.message());
        ObjectNode attributes = line.putObject("attributes");
        message.attributes().forEach((name, value) -> attributes.put(name, value.value()));
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        console.info("SNS publish to " + message.topicArn().substring(message.topicArn().lastIndexOf(':') + 1)
                + (message.subject() == null ? "" : ": " + message.subject()));
        if (!console.json()) {
            // What the on-call engineer's e-mail would show: the readable entry of a MessageStructure=json alert.
            console.raw(indent(readable(message.messageFor("email"))));
        }
    }

    private static String readable(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.isContainerNode() ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) : body;
        } catch (IOException notJson) {
            return body;
        }
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    | " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
