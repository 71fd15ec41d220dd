package io.mocplatform.imageapi.api;

import io.mocplatform.testkit.api.ApiGatewayEvents;
import io.mocplatform.imageapi.support.ImageApiHarness;
import io.mocplatform.testkit.api.OpenApiContract;
import io.mocplatform.imageapi.support.TestImages;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code openapi/image-api.yaml} true: drives the real handler through every documented response of every
 * operation and checks each answer (status, headers, media type, body schema) against the document.
 */
@WithLocalAws
class OpenApiContractIT {

    private static ImageApiHarness api;
    private static final OpenApiContract CONTRACT = new OpenApiContract("openapi/image-api.yaml");
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start(LocalAwsEnvironment environment) {
        api = new ImageApiHarness(environment);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerEveryDocumentedResponseAsDocumented() {
        byte[] png = TestImages.png(20, 10);
        // POST /images
        var created = check(api.as("alice").post("/images", Map.of("filename", "a.png",
                "content_type", "image/png", "size_bytes", png.length, "album_id", "contract", "tags", List.of("x"))));
        String id = created.field("image_id");
        check(api.as("alice").post("/images", Map.of("filename", "", "content_type",
                "image/png", "size_bytes", 1)));
        check(api.as("alice").post("/images", Map.of("filename", "a", "content_type",
                "image/png", "size_bytes", 1L << 40)));
        check(api.as("alice").post("/images", Map.of("filename", "a", "content_type",
                "text/plain", "size_bytes", 1)));
        // pending GET, then the complete/422 and complete/200 paths
        check(api.as("alice").get("/images/" + id));
        check(api.as("alice").post("/images/" + id + "/complete"));
        ImageApiHarness.upload((Map<String, Object>) created.json().get("upload"), png);
        check(api.as("alice").post("/images/" + id + "/complete"));
        check(api.as("bob").post("/images/" + id + "/complete"));
        // GET
        var got = check(api.as("alice").get("/images/" + id));
        check(api.as("alice").header("If-None-Match", got.header("ETag")).get("/images/" + id));
        check(api.as("bob").get("/images/" + id));
        // list
        api.activeImage("alice", Map.of("album_id", "contract"));
        var page = check(api.as("alice").query("album_id", "contract").query("limit", 1).get("/images"));
        check(api.as("alice").query("album_id", "contract").query("limit", 1)
                .query("cursor", page.field("next_cursor")).get("/images"));
        check(api.as("alice").query("limit", 500).get("/images"));
        // A deployment fault: the cursor key's parameter is missing, so a page that needs the key answers 503.
        try (var keyless = new ImageApiHarness(api.environment(), Map.of(PlatformNames.CURSOR_KEY_PARAMETER,
                "/moc-platform/missing/cursor-signing-key"))) {
            check(keyless.as("alice").query("album_id", "contract").query("limit", 1)
                    .get("/images"));
        }
        // PATCH
        String path = "/images/" + id;
        check(api.as("alice").header("If-Match", got.header("ETag")).patch(path, "{\"title\":\"T\"}"));
        check(api.as("alice").header("If-Match", got.header("ETag")).patch(path, "{\"title\":\"U\"}"));
        check(api.as("alice").patch(path, "{\"title\":\"U\"}"));
        check(api.as("alice").header("If-Match", "\"3\"").patch(path, "{\"bytes\":1}"));
        check(api.as("alice").header("If-Match", "\"3\"").header("content-type", "text/plain")
                .patch(path, "{}"));
        check(api.as("bob").header("If-Match", "\"3\"").patch(path, "{\"title\":\"U\"}"));
        // DELETE
        check(api.as("bob").delete(path));
        check(api.as("alice").header("If-Match", "\"1\"").delete(path));
        check(api.as("alice").delete(path));
        // no identity, on every operation
        for (String[] op : List.of(new String[] {"POST", "/images"}, new String[] {"GET", "/images"},
                new String[] {"GET", path}, new String[] {"PATCH", path}, new String[] {"DELETE", path},
                new String[] {"POST", path + "/complete"})) {
            String body = op[0].equals("GET") || op[0].equals("DELETE") ? null : "{}";
            var request = api.as(null);
            if (op[0].equals("PATCH")) {
                request.header("content-type", "application/merge-patch+json");
            } else if (body != null) {
                request.header("content-type", "application/json");
            }
            check(api.events().send(request.event(op[0], op[1], body)));
        }

        assertThat(violations).isEmpty();
        assertThat(CONTRACT.seenResponses()).containsExactlyInAnyOrderElementsOf(CONTRACT.documentedResponses());
    }

    private ApiGatewayEvents.Response check(ApiGatewayEvents.Response response) {
        CONTRACT.violations(response).forEach(v -> violations.add(response + ": " + v));
        return response;
    }
}
