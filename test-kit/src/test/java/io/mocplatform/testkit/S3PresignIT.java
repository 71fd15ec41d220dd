package io.mocplatform.testkit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@WithLocalAws
class S3PresignIT {

    private static final byte[] PDF = "%PDF-1.7\n% test drawing\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldStoreBytes_whenUploadedWithPresignedPut(LocalAwsEnvironment env, S3Presigner presigner, S3Client s3)
            throws Exception {
        String bucket = env.resources().drawingsBucket();
        URI upload = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofHours(1))
                .putObjectRequest(o -> o.bucket(bucket).key("drawings/user-1/d1.pdf").contentType("application/pdf")))
                .url().toURI();

        HttpResponse<String> put = http.send(HttpRequest.newBuilder(upload).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PDF)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("drawings/user-1/d1.pdf")).asByteArray())
                .isEqualTo(PDF);
        URI download = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofHours(1))
                .getObjectRequest(o -> o.bucket(bucket).key("drawings/user-1/d1.pdf"))).url().toURI();
        HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(download).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(PDF);
    }

    @Test
    void shouldRejectPresignedPut_whenSignatureWasTamperedWith(LocalAwsEnvironment env, S3Presigner presigner)
            throws Exception {
        String url = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofHours(1))
                        .putObjectRequest(o -> o.bucket(env.resources().drawingsBucket()).key("drawings/u/x.pdf")))
                .url().toString();
        URI tampered = URI.create(url.replace("drawings/u/x.pdf", "drawings/u/other.pdf"));

        HttpResponse<String> put = http.send(HttpRequest.newBuilder(tampered)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PDF)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(403);
    }
}
