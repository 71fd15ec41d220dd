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
        return "UPLOADED#" + io.mocplatform.model.SortableInstants.format(uploadedAt) + "#" + imageId;
    }

    /** Prefix of the objects CloudFront serves: only verified bytes, copied there by the image service. */
    public static final String SERVED_PREFIX = "images/";
    /** Prefix the presigned uploads write to; nothing is served from it, and its objects expire. */
    public static final String STAGING_PREFIX = "uploads/";

    /** S3 key of an image's served object, written only by copying verified bytes from the staging key. */
    public static String objectKey(String owner, String imageId) {
        return SERVED_PREFIX + owner + "/" + imageId;
    }

    /**
     * S3 key a client's presigned upload writes to. A presigned PUT stays valid until it expires, so it must never
     * point at the served key: a second PUT after verification would swap the bytes behind an active image.
     */
    public static String stagingKey(String owner, String imageId) {
        return STAGING_PREFIX + owner + "/" + imageId;
    }
}
