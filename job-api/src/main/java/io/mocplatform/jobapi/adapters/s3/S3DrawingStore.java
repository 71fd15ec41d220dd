package io.mocplatform.jobapi.adapters.s3;

import io.mocplatform.jobapi.config.JobApiConfig;
import io.mocplatform.jobapi.domain.port.DrawingStore;
import io.mocplatform.jobapi.domain.port.PresignedUpload;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Drawings and results in the drawings bucket. */
@Singleton
class S3DrawingStore implements DrawingStore {

    private static final int NOT_FOUND = 404;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3DrawingStore(S3Client s3, S3Presigner presigner, JobApiConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = config.drawingsBucket();
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException missing) {
            return false;
        } catch (S3Exception e) {
            // HEAD answers carry no body, so S3 reports a missing key as a bare 404.
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public PresignedUpload presignUpload(String key, String contentType, long sizeBytes, Duration validity) {
        // Content-Type and Content-Length become signed headers: S3 refuses an upload of another type or size.
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(validity)
                .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType).contentLength(sizeBytes)));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!"host".equalsIgnoreCase(name)) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedUpload(presigned.httpRequest().method().name(), toUri(presigned.url().toString()),
                headers, presigned.expiration());
    }

    @Override
    public URI presignDownload(String key, Duration validity) {
        return toUri(presigner.presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(r -> r.bucket(bucket).key(key))).url().toString());
    }

    private static URI toUri(String url) {
        return URI.create(url);
    }
}
