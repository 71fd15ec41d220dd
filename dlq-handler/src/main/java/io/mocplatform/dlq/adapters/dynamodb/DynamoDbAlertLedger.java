package io.mocplatform.dlq.adapters.dynamodb;

import io.mocplatform.dlq.config.DlqConfiguration;
import io.mocplatform.dlq.domain.WindowCounts;
import io.mocplatform.dlq.domain.port.AlertLedger;
import io.mocplatform.model.persistence.JobTable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Alert bookkeeping kept as small items in the Jobs table, so it holds across concurrent Lambda containers
 * without another table: {@code job_id = "alert-window#<window start>"} counts dead messages per storm window
 * (atomic {@code ADD}) and holds the window's one storm-alert claim; {@code job_id = "alert-message#<message id>"}
 * is the alert claim of a message that has no job row. The items carry no {@code owner}, so they never show up in
 * OwnerIndex (job listings), and they expire through the table's TTL. Only GetItem/UpdateItem are used, the two
 * actions the function's IAM policy grants on the table.
 */
@Singleton
class DynamoDbAlertLedger implements AlertLedger {

    static final String WINDOW_PREFIX = "alert-window#";
    static final String MESSAGE_PREFIX = "alert-message#";
    static final String DEAD_MESSAGES = "dead_messages";
    static final String BY_TYPE_PREFIX = "by_type_";
    static final String STORM_ALERTED_AT = "storm_alerted_at";
    static final String WINDOW_START = "window_start";
    static final String WINDOW_END = "window_end";
    static final String MESSAGE_ID = "message_id";

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbAlertLedger(DynamoDbClient dynamoDb, DlqConfiguration config) {
        this.dynamoDb = dynamoDb;
        this.table = config.jobsTable();
    }

    @Override
    public boolean claimMessageAlert(String messageId, Instant claimedAt, Instant expiresAt) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(MESSAGE_PREFIX + messageId))
                    .updateExpression("SET #at = :at, #mid = :mid, #ttl = :ttl")
                    .conditionExpression("attribute_not_exists(#at)")
                    .expressionAttributeNames(Map.of("#at", JobTable.ALERTED_AT, "#mid", MESSAGE_ID,
                            "#ttl", JobTable.TTL))
                    .expressionAttributeValues(Map.of(":at", s(claimedAt.toString()), ":mid", s(messageId),
                            ":ttl", n(expiresAt.getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException claimedBefore) {
            return false;
        }
    }

    @Override
    public void releaseMessageAlert(String messageId, Instant claimedAt) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(MESSAGE_PREFIX + messageId))
                    .updateExpression("REMOVE #at")
                    .conditionExpression("#at = :at")
                    .expressionAttributeNames(Map.of("#at", JobTable.ALERTED_AT))
                    .expressionAttributeValues(Map.of(":at", s(claimedAt.toString()))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Someone else's claim (or none): theirs to keep.
        }
    }

    @Override
    public WindowCounts countDeadMessage(Instant windowStart, Instant windowEnd, String errorType,
                                         Instant expiresAt) {
        var updated = dynamoDb.updateItem(r -> r.tableName(table).key(key(WINDOW_PREFIX + windowStart))
                .updateExpression("ADD #n :one, #type :one SET #ws = if_not_exists(#ws, :ws),"
                        + " #we = if_not_exists(#we, :we), #ttl = if_not_exists(#ttl, :ttl)")
                .expressionAttributeNames(Map.of("#n", DEAD_MESSAGES, "#type", BY_TYPE_PREFIX + attributeSafe(errorType),
                        "#ws", WINDOW_START, "#we", WINDOW_END, "#ttl", JobTable.TTL))
                .expressionAttributeValues(Map.of(":one", n(1), ":ws", s(windowStart.toString()),
                        ":we", s(windowEnd.toString()), ":ttl", n(expiresAt.getEpochSecond())))
                .returnValues(ReturnValue.ALL_NEW));
        return counts(updated.attributes());
    }

    @Override
    public Optional<WindowCounts> claimStormAlert(Instant windowStart, Instant claimedAt) {
        try {
            var updated = dynamoDb.updateItem(r -> r.tableName(table).key(key(WINDOW_PREFIX + windowStart))
                    .updateExpression("SET #at = :at")
                    .conditionExpression("attribute_not_exists(#at)")
                    .expressionAttributeNames(Map.of("#at", STORM_ALERTED_AT))
                    .expressionAttributeValues(Map.of(":at", s(claimedAt.toString())))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(counts(updated.attributes()));
        } catch (ConditionalCheckFailedException claimedBefore) {
            return Optional.empty();
        }
    }

    @Override
    public void releaseStormAlert(Instant windowStart, Instant claimedAt) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(WINDOW_PREFIX + windowStart))
                    .updateExpression("REMOVE #at")
                    .conditionExpression("#at = :at")
                    .expressionAttributeNames(Map.of("#at", STORM_ALERTED_AT))
                    .expressionAttributeValues(Map.of(":at", s(claimedAt.toString()))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Another invocation's claim: theirs to keep.
        }
    }

    private static WindowCounts counts(Map<String, AttributeValue> item) {
        Map<String, Long> byType = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(BY_TYPE_PREFIX) && value.n() != null) {
                byType.put(name.substring(BY_TYPE_PREFIX.length()), Long.parseLong(value.n()));
            }
        });
        AttributeValue total = item.get(DEAD_MESSAGES);
        return new WindowCounts(total == null || total.n() == null ? 0 : Long.parseLong(total.n()), byType);
    }

    /** The type becomes part of an attribute name: keep it to the alphabet the domain already normalises to. */
    private static String attributeSafe(String errorType) {
        return errorType == null ? "unknown" : errorType.replaceAll("[^a-z0-9_]", "_");
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(JobTable.JOB_ID, s(id));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
