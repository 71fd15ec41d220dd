package io.mocplatform.model.image;

import java.time.Instant;

/**
 * Key builders for the single-table ImageMetadata design: {@code PK=IMAGE#<id>}, {@code SK=METADATA};
 * UserIndex {@code GSI1PK=USER#<owner>}, {@code GSI1SK=UPLOADED#<iso-ts>#<id>}; AlbumIndex
 * {@code GSI2PK=ALBUM#<owner>#<album>} (sparse), {@code GSI2SK} as GSI1SK. Timestamps are fixed-width ISO-8601 UTC with
 * milliseconds, so they sort as text and "newest first" is a descending key scan.
 */
public final class ImageKeys {

    /** Sort key of the metadata item. */
    public static final String METADATA = "METADATA";

    private ImageKeys() {
    }

    /** Partition key of an image. */
    public static String pk(String imageId) {
        return "IMAGE#" + imageId;
    }

    /** UserIndex partition key. */
    public static String userPk(String owner) {
        return "USER#" + owner;
    }

    /**
     * AlbumIndex partition key; null (no index entry) when the image is in no album. Albums belong to a user, so
     * the key carries the owner: two users choosing the same album id never share a partition, and an album
     * listing needs no filter.
     */
    public static String albumPk(String owner, String albumId) {
        return albumId == null ? null : "ALBUM#" + owner + "#" + albumId;
    }

    /** Sort key shared by both indexes: upload time, then id to break ties. */
    public static String uploadedSk(Instant uploadedAt, String imageId) {
        return "UPLOADED#" + io.mocplatform.model.persistence.SortableInstantConverter.format(uploadedAt) + "#" + imageId;
    }

    /** S3 key of an image's object. */
    public static String objectKey(String owner, String imageId) {
        return "images/" + owner + "/" + imageId;
    }
}
