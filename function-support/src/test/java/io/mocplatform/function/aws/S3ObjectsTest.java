package io.mocplatform.function.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class S3ObjectsTest {

    @Test
    void shouldBindTheUploadToTypeAndLength_andLeaveHostToTheClient() {
        try (S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .build()) {

            S3Objects.PresignedPut put = S3Objects.presignPut(presigner, "drawings-lego-moc-dev",
                    "drawings/alice/drw_1.pdf", "application/pdf", 50_000, Duration.ofHours(1));

            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.url()).contains("drawings/alice/drw_1.pdf").contains("X-Amz-Signature=")
                    .contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost");
            assertThat(put.headers()).containsOnlyKeys("content-length", "content-type")
                    .containsEntry("content-type", "application/pdf").containsEntry("content-length", "50000");
            assertThat(Duration.between(Instant.now(), put.expiresAt()))
                    .isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
        }
    }
}
