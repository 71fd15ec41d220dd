package io.mocplatform.imageapi.api;

import io.mocplatform.imageapi.support.ImageApiHarness;
import io.mocplatform.imageapi.support.TestImages;
import io.mocplatform.model.image.ImageKeys;
import io.mocplatform.model.image.ImageMetadata;
import io.mocplatform.jobstore.dynamodb.ImageTable;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Upload requests, real signed uploads to the S3 emulator, and verification on completion. */
@WithLocalAws
class ImageUploadIT {

    private static ImageApiHarness api;
    private static LocalAwsEnvironment env;
    private static S3Client s3;
    private static DynamoDbEnhancedClient dynamoDb;

    @BeforeAll
    static void start(LocalAwsEnvironment environment, S3Client s3Client, DynamoDbEnhancedClient enhanced) {
        env = environment;
        s3 = s3Client;
        dynamoDb = enhanced;
        api = new ImageApiHarness(environment);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Stream<Arguments> validImages() {
        return Stream.of(
                Arguments.of("image/png", TestImages.png(64, 48), 64, 48),
                Arguments.of("image/jpeg", TestImages.jpeg(120, 80), 120, 80),
                Arguments.of("image/gif", TestImages.gif(30, 20), 30, 20),
                Arguments.of("image/webp", TestImages.webp(300, 200), 300, 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validImages")
    @SuppressWarnings("unchecked")
    void shouldActivateTheImage_whenTheUploadedBytesAreAValidImageOfTheDeclaredType(String type, byte[] bytes,
                                                                                    int width, int height)
            throws Exception {
        var created = api.requestUpload("alice", type, bytes.length, Map.of("title", "Castle", "album_id", "castles"));
        assertThat(created).containsEntry("status", "pending_upload");
        String imageId = (String) created.get("image_id");
        var upload = (Map<String, Object>) created.get("upload");
        assertThat(upload).containsEntry("method", "PUT");
        assertThat((Map<String, String>) upload.get("headers")).containsEntry("Content-Type", type)
                .containsEntry("Content-Length", Integer.toString(bytes.length));
        assertThat(Instant.parse((String) upload.get("expires_at"))).isBefore(Instant.now().plusSeconds(3601));
        ImageMetadata pending = row(imageId);
        assertThat(pending.ttl()).isBetween(Instant.now().plus(ImageMetadata.PENDING_RETENTION).getEpochSecond() - 60,
                Instant.now().plus(ImageMetadata.PENDING_RETENTION).getEpochSecond() + 1);

        assertThat(ImageApiHarness.upload(upload, bytes)).isEqualTo(200);
        var completed = api.as("alice").post("/images/" + imageId + "/complete");

        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json()).containsEntry("status", "active").containsEntry("width", width)
                .containsEntry("height", height).containsEntry("bytes", bytes.length)
                .containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .containsEntry("url", env.cdnBaseUrl() + "/" + ImageKeys.objectKey("alice", imageId))
                .doesNotContainKey("expires_at");
        assertThat(completed.header("ETag")).isEqualTo("\"2\"");
        assertThat(row(imageId).ttl()).isNull();
    }

    @Test
    void shouldAnswer201WithLocationAndSignedUpload() {
        var response = api.as("alice").post("/images",
                Map.of("filename", "a.png", "content_type", "image/png", "size_bytes", 1000));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/images/" + response.field("image_id"));
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(response.header("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void shouldReturn415_whenTheTypeIsNotAnAllowedImageType() {
        var response = api.as("alice").post("/images",
                Map.of("filename", "a.svg", "content_type", "image/svg+xml", "size_bytes", 1000));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.field("type")).isEqualTo("urn:moc-platform:problem:unsupported_image_type");
    }

    @Test
    void shouldReturn413_whenTheDeclaredSizeIsOverTheLimit() {
        var response = api.as("alice").post("/images",
                Map.of("filename", "a.png", "content_type", "image/png", "size_bytes", 20L * 1024 * 1024 + 1));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.field("type")).isEqualTo("urn:moc-platform:problem:image_too_large");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReturn400WithEveryViolation_whenFieldsAreInvalid() {
        var response = api.as("alice").post("/images", Map.of("filename", "../etc/passwd", "content_type",
                "image/png", "size_bytes", 0, "album_id", "no spaces allowed"));
        assertThat(response.status()).isEqualTo(400);
        assertThat((java.util.List<String>) response.json().get("errors")).hasSize(3);
    }

    @Test
    void shouldReturn401_whenTheRequestCarriesNoVerifiedIdentity() {
        var response = api.events().send(api.events().fixture("get-image-without-claims.json"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.field("correlation_id")).isEqualTo("fixture-no-claims");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReject422AndRemoveTheObject_whenAPngIsReallyAText() {
        byte[] text = TestImages.text();
        var created = api.requestUpload("alice", "image/png", text.length, Map.of());
        String imageId = (String) created.get("image_id");
        assertThat(ImageApiHarness.upload((Map<String, Object>) created.get("upload"), text)).isEqualTo(200);

        var response = api.as("alice").post("/images/" + imageId + "/complete");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.field("type")).isEqualTo("urn:moc-platform:problem:content_mismatch");
        assertObjectGone(imageId);
        assertThat(api.as("alice").get("/images/" + imageId).field("status")).isEqualTo("pending_upload");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReject422_whenTheJpegIsTruncated() {
        byte[] truncated = TestImages.truncated(TestImages.jpeg(200, 150), 0.7);
        var created = api.requestUpload("alice", "image/jpeg", truncated.length, Map.of());
        String imageId = (String) created.get("image_id");
        assertThat(ImageApiHarness.upload((Map<String, Object>) created.get("upload"), truncated)).isEqualTo(200);

        var response = api.as("alice").post("/images/" + imageId + "/complete");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.field("type")).isEqualTo("urn:moc-platform:problem:image_truncated");
        assertObjectGone(imageId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRefuseAnOversizeUpload_andReject422WhenCompleted() {
        byte[] declared = TestImages.png(16, 16);
        byte[] larger = TestImages.png(64, 64);
        var created = api.requestUpload("alice", "image/png", declared.length, Map.of());
        String imageId = (String) created.get("image_id");

        // The signature covers Content-Length: the store itself refuses other sizes.
        assertThat(ImageApiHarness.upload((Map<String, Object>) created.get("upload"), larger)).isEqualTo(403);
        var response = api.as("alice").post("/images/" + imageId + "/complete");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.field("type")).isEqualTo("urn:moc-platform:problem:upload_missing");
    }

    @Test
    void shouldReject422AndRemoveTheObject_whenTheStoredSizeDiffersFromTheDeclaredSize() {
        byte[] declared = TestImages.png(16, 16);
        var created = api.requestUpload("alice", "image/png", declared.length, Map.of());
        String imageId = (String) created.get("image_id");
        // Written around the signed request, as a client holding bucket credentials could.
        s3.putObject(b -> b.bucket(env.resources().imagesBucket()).key(ImageKeys.stagingKey("alice", imageId)),
                RequestBody.fromBytes(TestImages.png(64, 64)));

        var response = api.as("alice").post("/images/" + imageId + "/complete");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.field("type")).isEqualTo("urn:moc-platform:problem:size_mismatch");
        assertObjectGone(imageId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReject422_whenTheDimensionsExceedTheLimits() {
        byte[] huge = TestImages.webp(16384, 16383);
        var created = api.requestUpload("alice", "image/webp", huge.length, Map.of());
        String imageId = (String) created.get("image_id");
        ImageApiHarness.upload((Map<String, Object>) created.get("upload"), huge);

        var response = api.as("alice").post("/images/" + imageId + "/complete");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.field("type")).isEqualTo("urn:moc-platform:problem:dimensions_too_large");
    }

    @Test
    void shouldAnswerTheSameActiveImage_whenCompletedTwice() {
        var first = api.uploadAndComplete("alice", "image/png", TestImages.png(10, 10), Map.of());
        var second = api.as("alice").post("/images/" + first.field("image_id") + "/complete");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.json()).isEqualTo(first.json());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldKeepServingTheVerifiedBytes_whenTheSignedUploadIsReplayedAfterCompletion() throws Exception {
        byte[] png = TestImages.png(4, 4);
        // Same length as the PNG, because the signature binds Content-Length: an executable where the image was.
        byte[] executable = new byte[png.length];
        executable[0] = 'M';
        executable[1] = 'Z';
        var created = api.requestUpload("alice", "image/png", png.length, Map.of());
        String imageId = (String) created.get("image_id");
        var upload = (Map<String, Object>) created.get("upload");
        assertThat(ImageApiHarness.upload(upload, png)).isEqualTo(200);
        var completed = api.as("alice").post("/images/" + imageId + "/complete");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertGone(ImageKeys.stagingKey("alice", imageId));

        // The signed request is still within its validity: replaying it succeeds, but only writes the staging key.
        assertThat(ImageApiHarness.upload(upload, executable)).isEqualTo(200);

        assertThat(stored(ImageKeys.objectKey("alice", imageId))).isEqualTo(png);
        assertThat(s3.headObject(b -> b.bucket(env.resources().imagesBucket())
                .key(ImageKeys.objectKey("alice", imageId))).contentType()).isEqualTo("image/png");
        var after = api.as("alice").get("/images/" + imageId);
        assertThat(after.json()).containsEntry("status", "active")
                .containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
        assertThat(after.header("ETag")).isEqualTo(completed.header("ETag"));
        assertThat(api.as("alice").post("/images/" + imageId + "/complete").json()).isEqualTo(completed.json());
        assertThat(stored(ImageKeys.objectKey("alice", imageId))).as("completing again copies nothing").isEqualTo(png);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSignUploadsForTheStagingKeyOnly_neverForTheServedKey() {
        var created = api.requestUpload("alice", "image/png", 100, Map.of());
        String imageId = (String) created.get("image_id");
        String url = (String) ((Map<String, Object>) created.get("upload")).get("url");

        assertThat(java.net.URI.create(url).getPath()).endsWith("/" + ImageKeys.stagingKey("alice", imageId))
                .doesNotContain(ImageKeys.SERVED_PREFIX);
    }

    @Test
    void shouldRemoveServedAndStagedObjects_whenAnImageIsDeleted() {
        var completed = api.uploadAndComplete("alice", "image/png", TestImages.png(6, 6), Map.of());
        String imageId = completed.field("image_id");
        s3.putObject(b -> b.bucket(env.resources().imagesBucket()).key(ImageKeys.stagingKey("alice", imageId)),
                RequestBody.fromBytes(new byte[]{1, 2, 3}));

        assertThat(api.as("alice").delete("/images/" + imageId).status()).isEqualTo(204);

        assertObjectGone(imageId);
    }

    @Test
    void shouldReturn404_whenCompletingAnotherUsersImage() {
        var created = api.requestUpload("alice", "image/png", 100, Map.of());
        var response = api.as("bob").post("/images/" + created.get("image_id") + "/complete");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.field("type")).isEqualTo("urn:moc-platform:problem:image_not_found");
    }

    private static ImageMetadata row(String imageId) {
        return dynamoDb.table(env.resources().imagesTable(), ImageTable.SCHEMA)
                .getItem(r -> r.key(Key.builder().partitionValue(ImageKeys.pk(imageId)).sortValue(ImageKeys.METADATA).build())
                        .consistentRead(true));
    }

    private static void assertObjectGone(String imageId) {
        assertGone(ImageKeys.stagingKey("alice", imageId));
        assertGone(ImageKeys.objectKey("alice", imageId));
    }

    private static void assertGone(String key) {
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(env.resources().imagesBucket()).key(key)))
                .isInstanceOfAny(NoSuchKeyException.class, software.amazon.awssdk.services.s3.model.S3Exception.class);
    }

    private static byte[] stored(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(env.resources().imagesBucket()).key(key)).asByteArray();
    }
}
