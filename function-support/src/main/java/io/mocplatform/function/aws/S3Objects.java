package io.mocplatform.function.aws;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The two S3 object calls every function makes the same way: "how big is it, if it is there" and a bound upload. */
public final class S3Objects {

    private static final int NOT_FOUND = 404;

    private S3Objects() {
    }

    /** The object's size in bytes (one HEAD request), or empty when there is no such object. */
    public static OptionalLong size(S3Client s3, String bucket, String key) {
        return head(s3, bucket, key).map(head -> OptionalLong.of(head.contentLength())).orElse(OptionalLong.empty());
    }

    /** The object's HEAD answer (size, ETag, type), or empty when there is no such object. */
    public static Optional<HeadObjectResponse> head(S3Client s3, String bucket, String key) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key)));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            // HEAD answers carry no error body, so S3 reports a missing key as a bare 404 rather than NoSuchKey.
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A presigned PUT of exactly {@code contentType} and {@code contentLength}: both become signed headers, so S3
     * refuses an upload of another type or size. {@code headers} are what the client must send, as the signer names
     * them ({@code host} left out: the client's HTTP library sets it).
     */
    public static PresignedPut presignPut(S3Presigner presigner, String bucket, String key, String contentType,
                                          long contentLength, Duration validity) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p.signatureDuration(validity)
                .putObjectRequest(r -> r.bucket(bucket).key(key).contentType(contentType)
                        .contentLength(contentLength)));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!"host".equalsIgnoreCase(name)) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedPut(signed.httpRequest().method().name(), signed.url().toString(), headers,
                signed.expiration());
    }

    /** A signed upload: send {@code headers} with {@code method} to {@code url} before {@code expiresAt}. */
    public record PresignedPut(String method, String url, Map<String, String> headers, Instant expiresAt) {

        public PresignedPut {
            // In the order the signer gave them; unmodifiable.
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }
}
