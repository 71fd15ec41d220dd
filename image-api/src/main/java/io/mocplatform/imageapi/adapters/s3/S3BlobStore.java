package io.mocplatform.imageapi.adapters.s3;

import io.mocplatform.function.aws.S3Objects;
import io.mocplatform.imageapi.config.ImageApiConfiguration;
import io.mocplatform.imageapi.domain.port.BlobStore;
import io.mocplatform.imageapi.domain.port.UploadTicket;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Image bytes in the images bucket; uploads go straight to S3 with a presigned PUT. Reads and copies carry the
 * ETag the caller saw ({@code If-Match}, {@code x-amz-copy-source-if-match}), so S3 itself refuses them with
 * 412 when the object was replaced in between. The S3 client and the presigner are created at their first use: reading
 * an image's metadata needs neither, so a cold start that answers one does not build them.
 */
@Singleton
class S3BlobStore implements BlobStore {

    private static final int PRECONDITION_FAILED = 412;
    private static final int NOT_FOUND = 404;

    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    S3BlobStore(BeanProvider<S3Client> s3, BeanProvider<S3Presigner> presigner, ImageApiConfiguration configuration) {
        this.s3 = SupplierUtil.memoized(s3::get);
        this.presigner = SupplierUtil.memoized(presigner::get);
        this.bucket = configuration.bucket();
    }

    @Override
    public UploadTicket signUpload(String key, String contentType, long bytes, Duration validity) {
        S3Objects.PresignedPut put = S3Objects.presignPut(presigner.get(), bucket, key, contentType, bytes, validity);
        Map<String, String> headers = new LinkedHashMap<>();
        put.headers().forEach((name, value) -> headers.put(canonicalName(name), value));
        return new UploadTicket(put.method(), put.url(), headers, put.expiresAt());
    }

    @Override
    public Optional<StoredObject> find(String key) {
        return S3Objects.head(s3.get(), bucket, key).map(head -> new StoredObject(head.contentLength(), head.eTag()));
    }

    @Override
    public InputStream open(String key, String tag) {
        try {
            return s3.get().getObject(r -> r.bucket(bucket).key(key).ifMatch(tag));
        } catch (S3Exception e) {
            throw changedOr(e, key);
        }
    }

    @Override
    public void copy(String sourceKey, String tag, String targetKey) {
        try {
            s3.get().copyObject(r -> r.sourceBucket(bucket).sourceKey(sourceKey).copySourceIfMatch(tag)
                    .destinationBucket(bucket).destinationKey(targetKey));
        } catch (S3Exception e) {
            throw changedOr(e, sourceKey);
        }
    }

    @Override
    public void delete(String key) {
        s3.get().deleteObject(r -> r.bucket(bucket).key(key));
    }

    private static RuntimeException changedOr(S3Exception e, String key) {
        return e.statusCode() == PRECONDITION_FAILED || e.statusCode() == NOT_FOUND
                ? new ObjectChangedException(key) : e;
    }

    private static String canonicalName(String header) {
        return switch (header.toLowerCase(java.util.Locale.ROOT)) {
            case "content-type" -> "Content-Type";
            case "content-length" -> "Content-Length";
            default -> header;
        };
    }
}
