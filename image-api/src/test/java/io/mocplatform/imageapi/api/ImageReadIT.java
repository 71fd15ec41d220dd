package io.mocplatform.imageapi.api;

import io.mocplatform.imageapi.support.ImageApiHarness;
import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading single images (ETags, 304s, ownership) and listing them page by page. */
@WithLocalAws
class ImageReadIT {

    private static ImageApiHarness api;

    @BeforeAll
    static void start(LocalAws aws) {
        // A fresh environment: these tests count every image the users own.
        api = new ImageApiHarness(aws.newIsolatedEnvironment());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void shouldReturnTheImageWithItsETag_and304WhenTheClientsCopyIsCurrent() {
        String imageId = api.activeImage("reader", Map.of());
        var first = api.as("reader").get("/images/" + imageId);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-cache");

        var revalidated = api.as("reader").header("If-None-Match", first.header("ETag")).get("/images/" + imageId);
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.body()).isNullOrEmpty();
        assertThat(revalidated.header("ETag")).isEqualTo("\"2\"");

        var stale = api.as("reader").header("If-None-Match", "\"1\"").get("/images/" + imageId);
        assertThat(stale.status()).isEqualTo(200);
    }

    @Test
    void shouldShowAPendingImageToItsOwner() {
        var created = api.requestUpload("reader", "image/png", 500, Map.of("title", "WIP"));
        var response = api.as("reader").get("/images/" + created.get("image_id"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).containsEntry("status", "pending_upload").containsKey("expires_at")
                .doesNotContainKey("url");
    }

    @Test
    void shouldReturn404_whenTheImageBelongsToAnotherUser() {
        String imageId = api.activeImage("reader", Map.of());
        var response = api.as("intruder").get("/images/" + imageId);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("reader");
    }

    @Test
    void shouldReturn404_whenTheImageDoesNotExist() {
        assertThat(api.as("reader").get("/images/img_aaaaaaaaaaaaaaaaaaaa").status()).isEqualTo(404);
        assertThat(api.as("reader").get("/images/not-an-id").status()).isEqualTo(404);
    }

    @Test
    void shouldPageThroughTheUsersImagesNewestFirst_withoutDuplicatesOrGaps_whenAnImageMovesAlbumsInBetween() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(api.activeImage("pager", Map.of("album_id", "bricks")));
        }
        List<String> newestFirst = created.reversed();

        var page1 = api.as("pager").query("limit", 3).get("/images");
        assertThat(ImageApiHarness.ids(page1)).containsExactlyElementsOf(newestFirst.subList(0, 3));
        // Moves change the album index but not the user index the listing follows.
        moveToAlbum("pager", newestFirst.get(1), "towers");
        moveToAlbum("pager", newestFirst.get(4), "towers");
        var page2 = api.as("pager").query("limit", 3).query("cursor", page1.field("next_cursor")).get("/images");
        var page3 = api.as("pager").query("limit", 3).query("cursor", page2.field("next_cursor")).get("/images");

        List<String> all = new ArrayList<>(ImageApiHarness.ids(page1));
        all.addAll(ImageApiHarness.ids(page2));
        all.addAll(ImageApiHarness.ids(page3));
        assertThat(all).containsExactlyElementsOf(newestFirst);
        assertThat(page3.json().get("next_cursor")).isNull();
    }

    @Test
    void shouldPageThroughAnAlbum_whenImagesMoveOutAndIn_withoutDuplicates() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(api.activeImage("curator", Map.of("album_id", "moon-base")));
        }
        String elsewhere = api.activeImage("curator", Map.of("album_id", "elsewhere"));
        // Another user's image in an album with the same id never shows in the curator's listing.
        api.activeImage("stranger", Map.of("album_id", "moon-base"));
        List<String> newestFirst = created.reversed();

        var page1 = api.as("curator").query("album_id", "moon-base").query("limit", 2).get("/images");
        assertThat(ImageApiHarness.ids(page1)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        moveToAlbum("curator", newestFirst.get(3), "elsewhere");
        moveToAlbum("curator", elsewhere, "moon-base");
        List<String> rest = new ArrayList<>();
        String cursor = page1.field("next_cursor");
        while (cursor != null) {
            var page = api.as("curator").query("album_id", "moon-base").query("limit", 2).query("cursor", cursor)
                    .get("/images");
            assertThat(page.status()).isEqualTo(200);
            rest.addAll(ImageApiHarness.ids(page));
            cursor = page.field("next_cursor");
        }
        // The image that left is gone, the one that arrived is newer than the cursor so it belongs on page 1.
        assertThat(rest).containsExactly(newestFirst.get(2), newestFirst.get(4), newestFirst.get(5));
        var fresh = api.as("curator").query("album_id", "moon-base").query("limit", 100).get("/images");
        assertThat(ImageApiHarness.ids(fresh)).contains(elsewhere).doesNotContain(newestFirst.get(3)).hasSize(6);
    }

    @Test
    void shouldReturn400_whenTheLimitIsOutOfRange() {
        assertThat(api.as("reader").query("limit", 0).get("/images").status()).isEqualTo(400);
        assertThat(api.as("reader").query("limit", 101).get("/images").status()).isEqualTo(400);
        assertThat(api.as("reader").query("limit", "ten").get("/images").field("type"))
                .isEqualTo("urn:moc-platform:problem:invalid_limit");
    }

    @Test
    void shouldReturn400_whenTheCursorWasTamperedWithOrIssuedToAnotherUser() {
        for (int i = 0; i < 2; i++) {
            api.activeImage("owner-of-cursor", Map.of());
        }
        String cursor = api.as("owner-of-cursor").query("limit", 1).get("/images").field("next_cursor");
        assertThat(cursor).isNotNull();

        var replayed = api.as("someone-else").query("limit", 1).query("cursor", cursor).get("/images");
        var tampered = api.as("owner-of-cursor").query("limit", 1).query("cursor", "x" + cursor).get("/images");
        var otherListing = api.as("owner-of-cursor").query("album_id", "a").query("cursor", cursor).get("/images");

        assertThat(List.of(replayed, tampered, otherListing)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.field("type")).isEqualTo("urn:moc-platform:problem:invalid_cursor");
        });
    }

    @Test
    void shouldReturn400_whenAQueryParameterIsRepeated() {
        // API Gateway hands a repeated parameter over joined with a comma; the raw query shows the repeat.
        var response = api.events().send(api.events().fixture("list-images-repeated-album.json"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field("type")).isEqualTo("urn:moc-platform:problem:repeated_parameter");
        assertThat(response.header("X-Correlation-Id")).isEqualTo("fixture-repeated-album");
    }

    private static void moveToAlbum(String owner, String imageId, String albumId) {
        String etag = api.as(owner).get("/images/" + imageId).header("ETag");
        var response = api.as(owner).header("If-Match", etag)
                .patch("/images/" + imageId, "{\"album_id\":\"" + albumId + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
