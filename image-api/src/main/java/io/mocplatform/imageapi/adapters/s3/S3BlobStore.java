package io.mocplatform.imageapi.adapters.s3;

import io.mocplatform.imageapi.config.ImageApiConfiguration;
import io.mocplatform.imageapi.domain.port.BlobStore;
import io.mocplatform.imageapi.domain.port.UploadTicket;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Image bytes in the images bucket; uploads go straight to S3 with a presigned PUT. */
@Singleton
class S3BlobStore implements BlobStore {

    private static final int NOT_FOUND = 404;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3BlobStore(S3Client s3, S3Presigner presigner, ImageApiConfiguration configuration) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = configuration.bucket();
    }

    @Override
    public UploadTicket signUpload(String key, String contentType, long bytes, Duration validity) {
        PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType(contentType).contentLength(bytes).build();
        PresignedPutObjectRequest signed = presigner.presignPutObject(r -> r.signatureDuration(validity)
                .putObjectRequest(put));
        // Content-Type and Content-Length are part of the signature: S3 refuses any other type or length.
        Map<String, String> headers = new LinkedHashMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonicalName(name), String.join(",", values));
            }
        });
        return new UploadTicket("PUT", signed.url().toString(), headers, signed.expiration());
    }

    @Override
    public OptionalLong size(String key) {
        try {
            return OptionalLong.of(s3.headObject(r -> r.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException missing) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            // HEAD answers carry no error body, so a missing key can surface as a bare 404.
            if (e.statusCode() == NOT_FOUND) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key) {
        return s3.getObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    private static String canonicalName(String header) {
        return switch (header.toLowerCase(java.util.Locale.ROOT)) {
            case "content-type" -> "Content-Type";
            case "content-length" -> "Content-Length";
            default -> header;
        };
    }
}
