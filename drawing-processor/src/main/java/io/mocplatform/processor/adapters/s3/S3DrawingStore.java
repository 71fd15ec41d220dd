package io.mocplatform.processor.adapters.s3;

import io.mocplatform.function.aws.S3Objects;
import io.mocplatform.processor.config.ProcessorConfiguration;
import io.mocplatform.processor.domain.port.DrawingStore;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/** Uploaded drawings in the drawings bucket. */
@Singleton
class S3DrawingStore implements DrawingStore {

    private final S3Client s3;
    private final String bucket;

    S3DrawingStore(S3Client s3, ProcessorConfiguration config) {
        this.s3 = s3;
        this.bucket = config.drawingsBucket();
    }

    @Override
    public OptionalLong size(String key) {
        return S3Objects.size(s3, bucket, key);
    }

    @Override
    public void download(String key, Path target) {
        try (var in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
