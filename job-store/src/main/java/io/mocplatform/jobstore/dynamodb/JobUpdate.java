package io.mocplatform.jobstore.dynamodb;

import io.mocplatform.jobstore.JobWrite;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code UpdateItem} of some of a job's attributes under a condition: {@code SET}, {@code REMOVE} and
 * {@code ADD} clauses name only the attributes given, so whatever else is in the row stays as it is. The condition
 * refers to attributes as {@code #<attribute name>} (registered here) and to values bound with {@link #bind}.
 * A refused condition becomes {@link JobWrite.Refused} with the row as a consistent read then finds it.
 */
final class JobUpdate {

    private static final Pattern NAME = Pattern.compile("#([a-z_]+)");

    private final String jobId;
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private String condition;

    private JobUpdate(String jobId) {
        this.jobId = jobId;
    }

    /** An update of the job's row. */
    static JobUpdate of(String jobId) {
        return new JobUpdate(jobId);
    }

    JobUpdate set(String attribute, AttributeValue value) {
        sets.add(name(attribute) + " = " + value(":set_" + attribute, value));
        return this;
    }

    JobUpdate set(String attribute, JobStatus status) {
        return set(attribute, JobTable.status(status));
    }

    JobUpdate set(String attribute, Instant instant) {
        return set(attribute, JobTable.time(instant));
    }

    /** {@code SET attribute = if_not_exists(attribute, value)}: keeps a value already there. */
    JobUpdate setIfAbsent(String attribute, AttributeValue value) {
        String name = name(attribute);
        sets.add(name + " = if_not_exists(" + name + ", " + value(":keep_" + attribute, value) + ")");
        return this;
    }

    JobUpdate remove(String attribute) {
        removes.add(name(attribute));
        return this;
    }

    JobUpdate add(String attribute, long amount) {
        adds.add(name(attribute) + " " + value(":add_" + attribute, AttributeValue.fromN(Long.toString(amount))));
        return this;
    }

    /** The condition; {@code #attribute} names are registered, {@code :values} must be {@link #bind bound}. */
    JobUpdate when(String expression) {
        Matcher names = NAME.matcher(expression);
        while (names.find()) {
            name(names.group(1));
        }
        this.condition = expression;
        return this;
    }

    JobUpdate bind(String placeholder, AttributeValue value) {
        value(placeholder, value);
        return this;
    }

    JobUpdate bind(String placeholder, JobStatus status) {
        return bind(placeholder, JobTable.status(status));
    }

    JobUpdate bind(String placeholder, Instant instant) {
        return bind(placeholder, JobTable.time(instant));
    }

    JobUpdate bind(String placeholder, String text) {
        return bind(placeholder, AttributeValue.fromS(text));
    }

    /** Runs the update; the row after it when the condition held, else the row as it is. */
    JobWrite run(DynamoDbClient dynamoDb, String table) {
        if (condition == null) {
            throw new IllegalStateException("an update of job " + jobId + " without a condition would create rows");
        }
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            expression.append(" REMOVE ").append(String.join(", ", removes));
        }
        if (!adds.isEmpty()) {
            expression.append(" ADD ").append(String.join(", ", adds));
        }
        try {
            Map<String, AttributeValue> row = dynamoDb.updateItem(r -> r.tableName(table).key(JobTable.key(jobId))
                    .updateExpression(expression.toString().trim()).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return new JobWrite.Applied(JobTable.SCHEMA.mapToItem(row));
        } catch (ConditionalCheckFailedException refused) {
            return new JobWrite.Refused(find(dynamoDb, table, jobId));
        }
    }

    /** The row read strongly consistently, empty when there is none. */
    static Optional<Job> find(DynamoDbClient dynamoDb, String table, String jobId) {
        Map<String, AttributeValue> row = dynamoDb.getItem(r -> r.tableName(table).key(JobTable.key(jobId))
                .consistentRead(true)).item();
        return row == null || row.isEmpty() ? Optional.empty() : Optional.of(JobTable.SCHEMA.mapToItem(row));
    }

    private String name(String attribute) {
        String placeholder = "#" + attribute;
        names.put(placeholder, attribute);
        return placeholder;
    }

    private String value(String placeholder, AttributeValue value) {
        values.put(placeholder, value);
        return placeholder;
    }
}
