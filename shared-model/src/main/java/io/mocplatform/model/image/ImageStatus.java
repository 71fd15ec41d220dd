package io.mocplatform.model.image;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;

/** An image is {@code pending_upload} until its uploaded object has been verified, then {@code active}. */
@Serdeable
public enum ImageStatus {
    PENDING_UPLOAD, ACTIVE;

    /** The name used on the wire and in DynamoDB. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a wire name; unknown names are an {@link IllegalArgumentException}. */
    @JsonCreator
    public static ImageStatus fromWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown image status '" + value + "'"));
    }
}
