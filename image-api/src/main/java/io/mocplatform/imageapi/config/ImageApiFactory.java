package io.mocplatform.imageapi.config;

import io.micronaut.context.annotation.Factory;
import io.mocplatform.imageapi.domain.ImagePolicy;
import io.mocplatform.imageapi.domain.ImageService;
import io.mocplatform.imageapi.domain.port.BlobStore;
import io.mocplatform.imageapi.domain.port.ImageHeaderReader;
import io.mocplatform.imageapi.domain.port.ImageRepository;
import io.mocplatform.model.IdGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the plain-Java domain to its adapters and configuration. */
@Factory
public class ImageApiFactory {

    @Singleton
    ImagePolicy imagePolicy(ImageApiConfiguration configuration) {
        return new ImagePolicy(configuration.allowedContentTypes(), configuration.maxBytes(),
                configuration.maxWidth(), configuration.maxHeight(), configuration.maxPixels(),
                configuration.uploadValidity(), configuration.cdnBaseUrl());
    }

    @Singleton
    ImageService imageService(ImageRepository repository, BlobStore blobs, ImageHeaderReader headerReader,
                              ImagePolicy policy, Clock clock, IdGenerator ids) {
        return new ImageService(repository, blobs, headerReader, policy, clock, ids);
    }
}
