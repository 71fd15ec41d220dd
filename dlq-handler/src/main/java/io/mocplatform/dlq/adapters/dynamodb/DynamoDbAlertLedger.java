package io.mocplatform.dlq.adapters.dynamodb;

import io.mocplatform.dlq.config.DlqConfiguration;
import io.mocplatform.dlq.domain.MessageClaim;
import io.mocplatform.dlq.domain.WindowCounts;
import io.mocplatform.dlq.domain.port.AlertLedger;
import io.mocplatform.jobstore.dynamodb.JobTable;
import io.mocplatform.jobstore.dynamodb.SortableInstantConverter;
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
 * (atomic {@code ADD}) and holds the window's one storm-alert claim; {@code job_id = "alert-<subject>"}
 * is the alert claim of a dead message that has no job row ({@code alert-message#<message id>} for a poison
 * message, {@code alert-unknown-job#<job id>} for a job the table does not know, so the same unknown job dying
 * under several messages pages once). The items carry no {@code owner}, so they never show up in
 * OwnerIndex (job listings), and they expire through the table's TTL. Only GetItem/UpdateItem are used, the two
 * actions the function's IAM policy grants on the table.
 *
 * <p>Each claim is a lease: {@code alerted_at} / {@code storm_alerted_at} say when it was made,
 * {@code alert_sent_at} / {@code storm_sent_at} that its alert went out. Taking over a stale unconfirmed claim is
 * the same conditional write as a first claim ({@code claimed before the bound and never confirmed}), so of several
 * callers only one wins. Claim times are written as fixed-width text ({@link SortableInstantConverter}), so the
 * condition's text comparison is a time comparison.
 */
@Singleton
class DynamoDbAlertLedger implements AlertLedger {

    static final String WINDOW_PREFIX = "alert-window#";
    static final String SUBJECT_PREFIX = "alert-";
    static final String DEAD_MESSAGES = "dead_messages";
    static final String BY_TYPE_PREFIX = "by_type_";
    static final String STORM_ALERTED_AT = "storm_alerted_at";
    static final String STORM_SENT_AT = "storm_sent_at";
    static final String WINDOW_START = "window_start";
    static final String WINDOW_END = "window_end";
    static final String SUBJECT = "subject";
    /** Unclaimed, or claimed before {@code :stale} and never confirmed (the claimant died before confirming). */
    private static final String CLAIMABLE =
            "attribute_not_exists(#at) OR (attribute_not_exists(#sent) AND #at < :stale)";

    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbAlertLedger(DynamoDbClient dynamoDb, DlqConfiguration config) {
        this.dynamoDb = dynamoDb;
        this.table = config.jobsTable();
    }

    @Override
    public MessageClaim claimAlert(String subject, Instant claimedAt, Instant staleBefore, Instant expiresAt) {
        Map<String, AttributeValue> key = key(SUBJECT_PREFIX + subject);
        try {
            var updated = dynamoDb.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("SET #at = :at, #subject = :subject, #ttl = :ttl")
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(Map.of("#at", JobTable.ALERTED_AT, "#sent", JobTable.ALERT_SENT_AT,
                            "#subject", SUBJECT, "#ttl", JobTable.TTL))
                    .expressionAttributeValues(Map.of(":at", time(claimedAt), ":stale", time(staleBefore),
                            ":subject", s(subject), ":ttl", n(expiresAt.getEpochSecond())))
                    .returnValues(ReturnValue.UPDATED_OLD));
            AttributeValue earlier = updated.attributes().get(JobTable.ALERTED_AT);
            return earlier == null || earlier.s() == null ? MessageClaim.claimed()
                    : MessageClaim.takenOver(Instant.parse(earlier.s()));
        } catch (ConditionalCheckFailedException claimedBefore) {
            // Confirmed, or claimed recently by someone still publishing: a consistent read tells which.
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(key).consistentRead(true)
                    .projectionExpression("#sent").expressionAttributeNames(Map.of("#sent", JobTable.ALERT_SENT_AT)))
                    .item();
            return MessageClaim.lost(item != null && item.containsKey(JobTable.ALERT_SENT_AT));
        }
    }

    @Override
    public void confirmAlert(String subject, Instant claimedAt, Instant sentAt) {
        confirm(SUBJECT_PREFIX + subject, JobTable.ALERTED_AT, JobTable.ALERT_SENT_AT, claimedAt, sentAt);
    }

    @Override
    public void releaseAlert(String subject, Instant claimedAt) {
        release(SUBJECT_PREFIX + subject, JobTable.ALERTED_AT, claimedAt);
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
    public Optional<WindowCounts> claimStormAlert(Instant windowStart, Instant claimedAt, Instant staleBefore) {
        try {
            var updated = dynamoDb.updateItem(r -> r.tableName(table).key(key(WINDOW_PREFIX + windowStart))
                    .updateExpression("SET #at = :at")
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeNames(Map.of("#at", STORM_ALERTED_AT, "#sent", STORM_SENT_AT))
                    .expressionAttributeValues(Map.of(":at", time(claimedAt), ":stale", time(staleBefore)))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(counts(updated.attributes()));
        } catch (ConditionalCheckFailedException claimedBefore) {
            return Optional.empty();
        }
    }

    @Override
    public void confirmStormAlert(Instant windowStart, Instant claimedAt, Instant sentAt) {
        confirm(WINDOW_PREFIX + windowStart, STORM_ALERTED_AT, STORM_SENT_AT, claimedAt, sentAt);
    }

    @Override
    public void releaseStormAlert(Instant windowStart, Instant claimedAt) {
        release(WINDOW_PREFIX + windowStart, STORM_ALERTED_AT, claimedAt);
    }

    /** Removes the claim made at {@code claimedAt}, if it is still that one. */
    private void release(String id, String claimAttribute, Instant claimedAt) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(id))
                    .updateExpression("REMOVE #at")
                    .conditionExpression("#at = :at")
                    .expressionAttributeNames(Map.of("#at", claimAttribute))
                    .expressionAttributeValues(Map.of(":at", time(claimedAt))));
        } catch (ConditionalCheckFailedException notOurs) {
            // Someone else's claim (or none): theirs to keep.
        }
    }

    /** Marks the claim made at {@code claimedAt} as sent, if it is still that one. */
    private void confirm(String id, String claimAttribute, String sentAttribute, Instant claimedAt, Instant sentAt) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table).key(key(id))
                    .updateExpression("SET #sent = :sent")
                    .conditionExpression("#at = :at")
                    .expressionAttributeNames(Map.of("#at", claimAttribute, "#sent", sentAttribute))
                    .expressionAttributeValues(Map.of(":at", time(claimedAt), ":sent", time(sentAt))));
        } catch (ConditionalCheckFailedException takenOver) {
            // Our claim went stale and a redelivery took it over: it sends (and confirms) the alert once more.
        }
    }

    private static AttributeValue time(Instant instant) {
        return s(SortableInstantConverter.format(instant));
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
