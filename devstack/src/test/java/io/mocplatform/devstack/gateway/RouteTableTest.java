package io.mocplatform.devstack.gateway;

import io.mocplatform.devstack.contract.PlatformContract;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableTest {

    private final RouteTable table = new RouteTable(PlatformContract.embedded().routes());

    @Test
    void shouldServeEveryRouteOfTheContract_withItsFunction() {
        assertThat(table.routes()).extracting(PlatformContract.Route::routeKey).contains(
                "POST /drawings", "POST /process-drawing", "GET /status/{job_id}", "GET /jobs",
                "DELETE /jobs/{job_id}", "POST /jobs/{job_id}/retry", "POST /images",
                "POST /images/{imageId}/complete", "GET /images/{imageId}", "GET /images", "PATCH /images/{imageId}",
                "DELETE /images/{imageId}");
        assertThat(table.match("GET", "/jobs")).get().extracting(m -> m.route().function()).isEqualTo("job-api");
        assertThat(table.match("GET", "/images")).get().extracting(m -> m.route().function())
                .isEqualTo("image-api");
    }

    @Test
    void shouldExtractDecodedPathParameters_whenTheTemplateHasPlaceholders() {
        var match = table.match("POST", "/images/img%2042/complete").orElseThrow();

        assertThat(match.route().routeKey()).isEqualTo("POST /images/{imageId}/complete");
        assertThat(match.pathParameters()).isEqualTo(Map.of("imageId", "img 42"));
    }

    @Test
    void shouldNotRoute_whenMethodPathOrSegmentCountDiffer() {
        assertThat(table.match("PUT", "/images")).isEmpty();
        assertThat(table.match("GET", "/images/abc/complete")).isEmpty();
        assertThat(table.match("GET", "/status/")).isEmpty();
        assertThat(table.match("GET", "/jobs/")).isEmpty();
        assertThat(table.match("GET", "/nowhere")).isEmpty();
        assertThat(table.match("GET", "/")).isEmpty();
    }

    @Test
    void shouldPreferLiteralSegments_overPlaceholders() {
        RouteTable routes = new RouteTable(PlatformContract.parseRoutes("api", "GET /items/{id}", "GET /items/search"));

        assertThat(routes.match("GET", "/items/search")).get().extracting(m -> m.route().path())
                .isEqualTo("/items/search");
        assertThat(routes.match("GET", "/items/42")).get().extracting(m -> m.pathParameters().get("id"))
                .isEqualTo("42");
    }
}
