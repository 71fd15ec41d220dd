package io.mocplatform.imageapi.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** Answer to {@code POST /images}. */
@Serdeable(naming = SnakeCaseStrategy.class)
record UploadCreatedView(String imageId, String status, UploadView upload) {
}
