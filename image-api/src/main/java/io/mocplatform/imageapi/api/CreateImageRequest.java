package io.mocplatform.imageapi.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** Body of {@code POST /images}; the domain's {@code NewUpload} checks the values. */
@Serdeable(naming = SnakeCaseStrategy.class)
record CreateImageRequest(@Nullable String filename, @Nullable String contentType, @Nullable Long sizeBytes,
                          @Nullable String albumId, @Nullable String title, @Nullable String description,
                          @Nullable List<String> tags) {
}
