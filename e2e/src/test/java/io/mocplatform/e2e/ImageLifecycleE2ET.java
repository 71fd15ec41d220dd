package io.mocplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.mocplatform.fixtures.SampleImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mocplatform.e2e.ErrorShapes.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** An image from upload request to delete, as its owner and as another user sees it. */
@ExtendWith(E2eStack.class)
class ImageLifecycleE2ET {

    @Test
    void shouldUploadVerifyReadListEditAndDeleteAnImage_andShowNoneOfItToAnotherUser(E2eTarget target) {
        Api owner = Api.as(target.imageApi(), target.token());
        Api other = Api.as(target.imageApi(), target.otherToken());
        byte[] png = SampleImages.png();
        String album = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Answer created = owner.post("/images", Map.of("filename", "brick.png", "content_type", "image/png",
                "size_bytes", png.length, "album_id", album, "title", "E2E brick"));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        String id = created.json().path("image_id").asText();
        assertThat(created.json().path("status").asText()).isEqualTo("pending_upload");
        Api.Answer uploaded = Api.upload(created.json().path("upload"), png);
        assertThat(uploaded.status()).as(uploaded.describe()).isBetween(200, 204);

        Api.Answer completed = owner.post("/images/" + id + "/complete", Map.of());
        assertThat(completed.status()).as(completed.describe()).isEqualTo(200);
        assertThat(completed.json().path("status").asText()).isEqualTo("active");
        assertThat(completed.json().path("sha256").asText()).hasSize(64);

        Api.Answer read = owner.get("/images/" + id);
        assertThat(read.status()).as(read.describe()).isEqualTo(200);
        String etag = read.header("ETag");
        assertThat(etag).matches("\"[0-9]+\"");
        assertThat(owner.header("If-None-Match", etag).get("/images/" + id).status()).isEqualTo(304);

        Api.Answer listed = owner.get("/images?album_id=" + album);
        assertThat(listed.status()).as(listed.describe()).isEqualTo(200);
        assertThat(ids(listed.json())).containsExactly(id);

        Api.Answer patched = owner.header("If-Match", etag).patch("/images/" + id, Map.of("title", "Renamed",
                "tags", List.of("e2e")));
        assertThat(patched.status()).as(patched.describe()).isEqualTo(200);
        assertThat(patched.json().path("title").asText()).isEqualTo("Renamed");
        assertThat(patched.header("ETag")).isNotEqualTo(etag);
        assertProblem(owner.header("If-Match", etag).patch("/images/" + id, Map.of("title", "Stale")), 412);

        assertProblem(other.get("/images/" + id), 404);
        assertProblem(other.header("If-Match", patched.header("ETag")).patch("/images/" + id,
                Map.of("title", "Mine")), 404);
        assertProblem(other.post("/images/" + id + "/complete", Map.of()), 404);
        assertProblem(other.delete("/images/" + id), 404);
        assertThat(ids(other.get("/images?album_id=" + album).json())).isEmpty();
        assertThat(owner.get("/images/" + id).json().path("title").asText()).as("after the other user's tries")
                .isEqualTo("Renamed");

        Api.Answer deleted = owner.delete("/images/" + id);
        assertThat(deleted.status()).as(deleted.describe()).isEqualTo(204);
        assertProblem(owner.get("/images/" + id), 404);
        assertThat(owner.delete("/images/" + id).status()).as("delete is idempotent").isEqualTo(204);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("image_id").asText()).toList();
    }
}
