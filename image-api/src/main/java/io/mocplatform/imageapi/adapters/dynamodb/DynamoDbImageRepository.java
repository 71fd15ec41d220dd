package io.mocplatform.imageapi.adapters.dynamodb;

import io.mocplatform.imageapi.config.ImageApiConfiguration;
import io.mocplatform.imageapi.domain.port.ImageRepository;
import io.mocplatform.imageapi.domain.port.Page;
import io.mocplatform.imageapi.domain.port.PageRequest;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.model.image.ImageKeys;
import io.mocplatform.model.image.ImageMetadata;
import io.mocplatform.jobstore.dynamodb.ImageTable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Image metadata in the ImageMetadata table through the shared static schema; its version attribute makes every
 * {@link #save} conditional (the enhanced client's default VersionedRecordExtension).
 */
@Singleton
class DynamoDbImageRepository implements ImageRepository {

    private final DynamoDbTable<ImageMetadata> table;
    private final DynamoDbIndex<ImageMetadata> byUser;
    private final DynamoDbIndex<ImageMetadata> byAlbum;

    DynamoDbImageRepository(DynamoDbEnhancedClient dynamoDb, ImageApiConfiguration configuration) {
        this.table = dynamoDb.table(configuration.table(), ImageTable.SCHEMA);
        this.byUser = table.index(PlatformNames.IMAGES_BY_USER_INDEX);
        this.byAlbum = table.index(PlatformNames.IMAGES_BY_ALBUM_INDEX);
    }

    @Override
    public Optional<ImageMetadata> find(String imageId) {
        return Optional.ofNullable(table.getItem(r -> r.key(key(imageId)).consistentRead(true)));
    }

    @Override
    public ImageMetadata save(ImageMetadata image) {
        try {
            // updateItem (not putItem) because it answers with the stored item, new version included; with
            // ignoreNulls off it also removes attributes that became null (ttl, GSI2 keys after leaving an album).
            return table.updateItem(image);
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException("image " + image.imageId() + " changed since version "
                    + image.version(), e);
        }
    }

    @Override
    public void delete(String imageId, Long expectedVersion) {
        try {
            table.deleteItem(r -> {
                r.key(key(imageId));
                if (expectedVersion != null) {
                    r.conditionExpression(Expression.builder().expression("#v = :v")
                            .putExpressionName("#v", ImageTable.VERSION)
                            .putExpressionValue(":v", AttributeValue.fromN(expectedVersion.toString())).build());
                }
            });
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException("image " + imageId + " is not at version " + expectedVersion, e);
        }
    }

    @Override
    public Page<ImageMetadata> listByOwner(String owner, PageRequest request) {
        return newestFirst(byUser, ImageKeys.userPk(owner), request);
    }

    @Override
    public Page<ImageMetadata> listByAlbum(String owner, String albumId, PageRequest request) {
        // The album key carries the owner, so the index partition holds only the caller's images.
        return newestFirst(byAlbum, ImageKeys.albumPk(owner, albumId), request);
    }

    private static Page<ImageMetadata> newestFirst(DynamoDbIndex<ImageMetadata> index, String partition,
                                                   PageRequest request) {
        var query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(partition)))
                .scanIndexForward(false)
                .limit(request.limit())
                .exclusiveStartKey(toAttributes(request.after()));
        var page = index.query(query.build()).iterator().next();
        return new Page<>(page.items(), toStrings(page.lastEvaluatedKey()));
    }

    private static Key key(String imageId) {
        return Key.builder().partitionValue(ImageKeys.pk(imageId)).sortValue(ImageKeys.METADATA).build();
    }

    private static Map<String, AttributeValue> toAttributes(Map<String, String> position) {
        if (position == null || position.isEmpty()) {
            return null;
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        position.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }

    private static Map<String, String> toStrings(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return Map.of();
        }
        Map<String, String> position = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> position.put(name, value.s()));
        return position;
    }
}
