package io.mocplatform.imageapi.api;

import io.mocplatform.testkit.api.ApiGatewayEvents;
import io.mocplatform.imageapi.support.ImageApiHarness;
import io.mocplatform.model.image.ImageKeys;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conditional merge-patch edits and idempotent deletes. */
@WithLocalAws
class ImageEditIT {

    private static ImageApiHarness api;
    private static LocalAwsEnvironment env;
    private static S3Client s3;

    @BeforeAll
    static void start(LocalAwsEnvironment environment, S3Client s3Client) {
        env = environment;
        s3 = s3Client;
        api = new ImageApiHarness(environment);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldApplyTheMergePatch_whenIfMatchIsCurrent() {
        String imageId = api.activeImage("editor", Map.of("title", "Old", "description", "Keep me",
                "tags", List.of("a")));

        var response = api.as("editor").header("If-Match", "\"2\"").patch("/images/" + imageId,
                "{\"title\":\"New\",\"tags\":[\"castle\",\"grey\"],\"album_id\":\"keep\",\"description\":null}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"3\"");
        assertThat(response.json()).containsEntry("title", "New").containsEntry("album_id", "keep")
                .doesNotContainKey("description");
        assertThat((List<String>) response.json().get("tags")).containsExactly("castle", "grey");
        var album = api.as("editor").query("album_id", "keep").get("/images");
        assertThat(ImageApiHarness.ids(album)).containsExactly(imageId);

        var removed = api.as("editor").header("If-Match", "\"3\"").patch("/images/" + imageId, "{\"album_id\":null}");
        assertThat(removed.json()).doesNotContainKey("album_id");
        assertThat(ImageApiHarness.ids(api.as("editor").query("album_id", "keep").get("/images"))).isEmpty();
    }

    @Test
    void shouldReturn428_whenIfMatchIsMissing() {
        String imageId = api.activeImage("editor", Map.of());
        var response = api.as("editor").patch("/images/" + imageId, "{\"title\":\"x\"}");
        assertThat(response.status()).isEqualTo(428);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void shouldReturn412WithTheCurrentETag_whenIfMatchIsStale() {
        String imageId = api.activeImage("editor", Map.of());
        var response = api.as("editor").header("If-Match", "\"1\"").patch("/images/" + imageId, "{\"title\":\"x\"}");
        assertThat(response.status()).isEqualTo(412);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.as("editor").get("/images/" + imageId).json()).doesNotContainKey("title");
    }

    @Test
    void shouldReturn400_whenThePatchTouchesImmutableFields() {
        String imageId = api.activeImage("editor", Map.of());
        var response = api.as("editor").header("If-Match", "\"2\"")
                .patch("/images/" + imageId, "{\"width\":1,\"owner\":\"mallory\",\"title\":\"x\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field("type")).isEqualTo("urn:moc-platform:problem:immutable_field");
        assertThat(response.field("detail")).contains("owner", "width");
        assertThat(api.as("editor").get("/images/" + imageId).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void shouldReturn400_whenThePatchIsNotAJsonObjectOrHasWrongTypes() {
        String imageId = api.activeImage("editor", Map.of());
        assertThat(api.as("editor").header("If-Match", "\"2\"").patch("/images/" + imageId, "[1]").status())
                .isEqualTo(400);
        assertThat(api.as("editor").header("If-Match", "\"2\"").patch("/images/" + imageId, "{\"tags\":\"a\"}")
                .field("type")).isEqualTo("urn:moc-platform:problem:wrong_type");
    }

    @Test
    void shouldReturn415_whenThePatchIsNotAMergePatch() {
        String imageId = api.activeImage("editor", Map.of());
        var response = api.as("editor").header("If-Match", "\"2\"").header("content-type", "application/json")
                .patch("/images/" + imageId, "{\"title\":\"x\"}");
        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void shouldReturn404_whenPatchingAnotherUsersImage() {
        String imageId = api.activeImage("editor", Map.of());
        var response = api.as("mallory").header("If-Match", "\"2\"").patch("/images/" + imageId, "{\"title\":\"x\"}");
        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentPatchesWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String imageId = api.activeImage("racer", Map.of());
            CountDownLatch start = new CountDownLatch(1);
            Callable<ApiGatewayEvents.Response> patch = () -> {
                start.await();
                return api.as("racer").header("If-Match", "\"2\"")
                        .patch("/images/" + imageId, "{\"title\":\"" + Thread.currentThread().getName() + "\"}");
            };
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<ApiGatewayEvents.Response> a = pool.submit(patch);
                Future<ApiGatewayEvents.Response> b = pool.submit(patch);
                start.countDown();
                List<Integer> statuses = List.of(a.get().status(), b.get().status());
                assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            }
            assertThat(api.as("racer").get("/images/" + imageId).header("ETag")).isEqualTo("\"3\"");
        }
    }

    @Test
    void shouldDeleteTheObjectAndTheMetadata_andAnswer204AgainOnRepeat() {
        String imageId = api.activeImage("deleter", Map.of());

        var first = api.as("deleter").delete("/images/" + imageId);
        var second = api.as("deleter").delete("/images/" + imageId);

        assertThat(first.status()).isEqualTo(204);
        assertThat(second.status()).isEqualTo(204);
        assertThat(api.as("deleter").get("/images/" + imageId).status()).isEqualTo(404);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(env.resources().imagesBucket())
                .key(ImageKeys.objectKey("deleter", imageId)))).isInstanceOf(S3Exception.class);
    }

    @Test
    void shouldReturn412AndKeepTheImage_whenDeleteIfMatchIsStale() {
        String imageId = api.activeImage("deleter", Map.of());
        var response = api.as("deleter").header("If-Match", "\"1\"").delete("/images/" + imageId);
        assertThat(response.status()).isEqualTo(412);
        assertThat(api.as("deleter").get("/images/" + imageId).status()).isEqualTo(200);
        assertThat(api.as("deleter").header("If-Match", "\"2\"").delete("/images/" + imageId).status())
                .isEqualTo(204);
    }

    @Test
    void shouldReturn404AndKeepTheImage_whenDeletingAnotherUsersImage() {
        String imageId = api.activeImage("deleter", Map.of());
        assertThat(api.as("mallory").delete("/images/" + imageId).status()).isEqualTo(404);
        assertThat(api.as("deleter").get("/images/" + imageId).status()).isEqualTo(200);
    }
}
