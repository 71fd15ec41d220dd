package io.mocplatform.jobstore.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A table's keys, indexes (all projecting every attribute), TTL attribute and stream setting: what tests and the
 * devstack need to create the tables Terraform declares. All key attributes are strings.
 *
 * @param tableName    the table's name
 * @param hashKey      partition key attribute
 * @param rangeKey     sort key attribute, or null
 * @param indexes      global secondary indexes
 * @param ttlAttribute attribute holding the expiry in epoch seconds
 * @param streams      whether a NEW_AND_OLD_IMAGES stream is on
 */
public record TableDefinition(String tableName, String hashKey, String rangeKey, List<Index> indexes,
                              String ttlAttribute, boolean streams) {

    private static final java.time.Duration INDEX_ACTIVE_TIMEOUT = java.time.Duration.ofSeconds(60);
    private static final java.time.Duration INDEX_POLL = java.time.Duration.ofMillis(200);

    /** A global secondary index. */
    public record Index(String name, String hashKey, String rangeKey) {
    }

    /** Starts a definition for the named table. */
    public static Builder builder(String tableName) {
        return new Builder(tableName);
    }

    /** The low-level request that creates this table on demand (pay per request). */
    public CreateTableRequest createTableRequest() {
        Set<String> keyAttributes = new LinkedHashSet<>();
        keyAttributes.add(hashKey);
        if (rangeKey != null) {
            keyAttributes.add(rangeKey);
        }
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (Index index : indexes) {
            keyAttributes.add(index.hashKey());
            keyAttributes.add(index.rangeKey());
            gsis.add(GlobalSecondaryIndex.builder().indexName(index.name())
                    .keySchema(keySchema(index.hashKey(), index.rangeKey()))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build());
        }
        var request = CreateTableRequest.builder().tableName(tableName).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema(hashKey, rangeKey))
                .attributeDefinitions(keyAttributes.stream().map(name -> AttributeDefinition.builder()
                        .attributeName(name).attributeType(ScalarAttributeType.S).build()).toList());
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis);
        }
        if (streams) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build());
        }
        return request.build();
    }

    /**
     * Creates the table and turns TTL on. An existing table (a devstack data directory from before an index was
     * added) gets the indexes it lacks, as Terraform would add them; nothing else of it changes. Returns whether
     * the table was created.
     */
    public boolean createIfAbsent(DynamoDbClient dynamoDb) {
        try {
            dynamoDb.createTable(createTableRequest());
        } catch (ResourceInUseException alreadyThere) {
            addMissingIndexes(dynamoDb);
            return false;
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        if (ttlAttribute != null) {
            dynamoDb.updateTimeToLive(b -> b.tableName(tableName).timeToLiveSpecification(
                    TimeToLiveSpecification.builder().attributeName(ttlAttribute).enabled(true).build()));
        }
        return true;
    }

    private void addMissingIndexes(DynamoDbClient dynamoDb) {
        var existing = dynamoDb.describeTable(b -> b.tableName(tableName)).table();
        Set<String> present = new LinkedHashSet<>();
        existing.globalSecondaryIndexes().forEach(index -> present.add(index.indexName()));
        CreateTableRequest wanted = createTableRequest();
        for (GlobalSecondaryIndex index : wanted.globalSecondaryIndexes()) {
            if (present.contains(index.indexName())) {
                continue;
            }
            dynamoDb.updateTable(b -> b.tableName(tableName).attributeDefinitions(wanted.attributeDefinitions())
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                            .keySchema(index.keySchema()).projection(index.projection()))));
            awaitActive(dynamoDb, index.indexName());
        }
    }

    /**
     * A new index backfills in the background; queries fail until it is active, and DynamoDB Local's shutdown
     * waits forever for a backfill it cannot cancel. So the caller gets the table only once the index is usable.
     */
    private void awaitActive(DynamoDbClient dynamoDb, String indexName) {
        long deadline = System.nanoTime() + INDEX_ACTIVE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            boolean active = dynamoDb.describeTable(b -> b.tableName(tableName)).table().globalSecondaryIndexes()
                    .stream().anyMatch(i -> i.indexName().equals(indexName)
                            && i.indexStatus() == IndexStatus.ACTIVE);
            if (active) {
                return;
            }
            try {
                Thread.sleep(INDEX_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while index " + indexName + " was created", e);
            }
        }
        throw new IllegalStateException("index " + indexName + " of " + tableName + " not active after "
                + INDEX_ACTIVE_TIMEOUT.toSeconds() + " s");
    }

    private static List<KeySchemaElement> keySchema(String hash, String range) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        if (range != null) {
            keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
        }
        return keys;
    }

    /** Builder for {@link TableDefinition}. */
    public static final class Builder {
        private final String tableName;
        private final List<Index> indexes = new ArrayList<>();
        private String hashKey;
        private String rangeKey;
        private String ttlAttribute;
        private boolean streams;

        private Builder(String tableName) {
            this.tableName = tableName;
        }

        public Builder hashKey(String name) { hashKey = name; return this; }
        public Builder rangeKey(String name) { rangeKey = name; return this; }
        public Builder globalIndex(String name, String hash, String range) {
            indexes.add(new Index(name, hash, range));
            return this;
        }
        public Builder ttlAttribute(String name) { ttlAttribute = name; return this; }
        public Builder streams(boolean on) { streams = on; return this; }

        public TableDefinition build() {
            return new TableDefinition(tableName, hashKey, rangeKey, List.copyOf(indexes), ttlAttribute, streams);
        }
    }
}
