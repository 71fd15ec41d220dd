package io.mocplatform.jobstore.dynamodb;

import io.mocplatform.model.PlatformNames;
import io.mocplatform.model.image.ImageKeys;
import io.mocplatform.model.image.ImageMetadata;
import io.mocplatform.model.image.ImageStatus;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.VersionedRecordExtension;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

import java.time.Instant;

/**
 * The ImageMetadata single table. The key attributes ({@code PK}, {@code SK}, {@code GSI1*}, {@code GSI2*}) are
 * derived from the record by {@link ImageKeys} on write and ignored on read, so they can never disagree with the
 * data. {@code GSI2PK} is absent for images outside an album, which keeps AlbumIndex sparse.
 */
public final class ImageTable {

    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    public static final String GSI2PK = "GSI2PK";
    public static final String GSI2SK = "GSI2SK";
    public static final String TTL = "ttl";
    public static final String VERSION = "version";

    /** The table schema; writes through it are conditional on {@code version} (optimistic locking). */
    public static final TableSchema<ImageMetadata> SCHEMA = buildSchema();

    private ImageTable() {
    }

    /** How the table is created locally; Terraform declares the same in AWS. */
    public static TableDefinition definition(String tableName) {
        return TableDefinition.builder(tableName)
                .hashKey(PK).rangeKey(SK)
                .globalIndex(PlatformNames.IMAGES_BY_USER_INDEX, GSI1PK, GSI1SK)
                .globalIndex(PlatformNames.IMAGES_BY_ALBUM_INDEX, GSI2PK, GSI2SK)
                .ttlAttribute(TTL)
                .streams(true)
                .build();
    }

    private static TableSchema<ImageMetadata> buildSchema() {
        var status = new WireNameConverter<>(ImageStatus.class, ImageStatus::wireName, ImageStatus::fromWireName);
        return StaticImmutableTableSchema.builder(ImageMetadata.class, ImageMetadata.Builder.class)
                .newItemBuilder(ImageMetadata::builder, ImageMetadata.Builder::build)
                .attributeConverterProviders(SortableInstantConverter.providers())
                .addAttribute(String.class, a -> a.name(PK).getter(m -> ImageKeys.pk(m.imageId()))
                        .setter((b, v) -> { }).tags(StaticAttributeTags.primaryPartitionKey()))
                .addAttribute(String.class, a -> a.name(SK).getter(m -> ImageKeys.METADATA)
                        .setter((b, v) -> { }).tags(StaticAttributeTags.primarySortKey()))
                .addAttribute(String.class, a -> a.name(GSI1PK).getter(m -> ImageKeys.userPk(m.owner()))
                        .setter((b, v) -> { })
                        .tags(StaticAttributeTags.secondaryPartitionKey(PlatformNames.IMAGES_BY_USER_INDEX)))
                .addAttribute(String.class, a -> a.name(GSI1SK)
                        .getter(m -> ImageKeys.uploadedSk(m.uploadedAt(), m.imageId())).setter((b, v) -> { })
                        .tags(StaticAttributeTags.secondarySortKey(PlatformNames.IMAGES_BY_USER_INDEX)))
                .addAttribute(String.class, a -> a.name(GSI2PK).getter(m -> ImageKeys.albumPk(m.owner(), m.albumId()))
                        .setter((b, v) -> { })
                        .tags(StaticAttributeTags.secondaryPartitionKey(PlatformNames.IMAGES_BY_ALBUM_INDEX)))
                .addAttribute(String.class, a -> a.name(GSI2SK)
                        .getter(m -> m.albumId() == null ? null : ImageKeys.uploadedSk(m.uploadedAt(), m.imageId()))
                        .setter((b, v) -> { })
                        .tags(StaticAttributeTags.secondarySortKey(PlatformNames.IMAGES_BY_ALBUM_INDEX)))
                .addAttribute(String.class, a -> a.name("image_id").getter(ImageMetadata::imageId)
                        .setter(ImageMetadata.Builder::imageId))
                .addAttribute(String.class, a -> a.name("owner").getter(ImageMetadata::owner)
                        .setter(ImageMetadata.Builder::owner))
                .addAttribute(ImageStatus.class, a -> a.name("status").getter(ImageMetadata::status)
                        .setter(ImageMetadata.Builder::status).attributeConverter(status))
                .addAttribute(String.class, a -> a.name("object_key").getter(ImageMetadata::objectKey)
                        .setter(ImageMetadata.Builder::objectKey))
                .addAttribute(String.class, a -> a.name("filename").getter(ImageMetadata::filename)
                        .setter(ImageMetadata.Builder::filename))
                .addAttribute(String.class, a -> a.name("content_type").getter(ImageMetadata::contentType)
                        .setter(ImageMetadata.Builder::contentType))
                .addAttribute(Long.class, a -> a.name("bytes").getter(ImageMetadata::bytes)
                        .setter((b, v) -> b.bytes(v)))
                .addAttribute(Integer.class, a -> a.name("width").getter(ImageMetadata::width)
                        .setter(ImageMetadata.Builder::width))
                .addAttribute(Integer.class, a -> a.name("height").getter(ImageMetadata::height)
                        .setter(ImageMetadata.Builder::height))
                .addAttribute(String.class, a -> a.name("sha256").getter(ImageMetadata::sha256)
                        .setter(ImageMetadata.Builder::sha256))
                .addAttribute(String.class, a -> a.name("title").getter(ImageMetadata::title)
                        .setter(ImageMetadata.Builder::title))
                .addAttribute(String.class, a -> a.name("description").getter(ImageMetadata::description)
                        .setter(ImageMetadata.Builder::description))
                .addAttribute(EnhancedType.listOf(String.class), a -> a.name("tags")
                        .getter(m -> m.tags().isEmpty() ? null : m.tags()).setter(ImageMetadata.Builder::tags))
                .addAttribute(String.class, a -> a.name("album_id").getter(ImageMetadata::albumId)
                        .setter(ImageMetadata.Builder::albumId))
                .addAttribute(Instant.class, a -> a.name("uploaded_at").getter(ImageMetadata::uploadedAt)
                        .setter(ImageMetadata.Builder::uploadedAt))
                .addAttribute(Instant.class, a -> a.name("updated_at").getter(ImageMetadata::updatedAt)
                        .setter(ImageMetadata.Builder::updatedAt))
                .addAttribute(Long.class, a -> a.name(TTL).getter(ImageMetadata::ttl).setter(ImageMetadata.Builder::ttl))
                .addAttribute(Long.class, a -> a.name(VERSION).getter(ImageMetadata::version)
                        .setter(ImageMetadata.Builder::version)
                        .tags(VersionedRecordExtension.AttributeTags.versionAttribute()))
                .build();
    }
}
