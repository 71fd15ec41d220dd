package io.mocplatform.jobapi.adapters.s3;

import io.mocplatform.function.aws.S3Objects;
import io.mocplatform.jobapi.config.JobApiConfiguration;
import io.mocplatform.jobapi.domain.port.DrawingStore;
import io.mocplatform.jobapi.domain.port.PresignedUpload;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Drawings and results in the drawings bucket. The S3 client and the presigner are created at their first use:
 * reading a job's status needs neither, so a cold start that answers one does not build them.
 */
@Singleton
class S3DrawingStore implements DrawingStore {

    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    S3DrawingStore(BeanProvider<S3Client> s3, BeanProvider<S3Presigner> presigner, JobApiConfiguration config) {
        this.s3 = SupplierUtil.memoized(s3::get);
        this.presigner = SupplierUtil.memoized(presigner::get);
        this.bucket = config.drawingsBucket();
    }

    @Override
    public boolean exists(String key) {
        return S3Objects.size(s3.get(), bucket, key).isPresent();
    }

    @Override
    public PresignedUpload presignUpload(String key, String contentType, long sizeBytes, Duration validity) {
        S3Objects.PresignedPut put = S3Objects.presignPut(presigner.get(), bucket, key, contentType, sizeBytes, validity);
        return new PresignedUpload(put.method(), toUri(put.url()), put.headers(), put.expiresAt());
    }

    @Override
    public URI presignDownload(String key, Duration validity) {
        return toUri(presigner.get().presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(r -> r.bucket(bucket).key(key))).url().toString());
    }

    private static URI toUri(String url) {
        return URI.create(url);
    }
}
