package io.mocplatform.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.mocplatform.function.snapstart.Primer;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoutePrimerTest {

    @Singleton
    @Requires(property = "spec.name", value = "RoutePrimerTest")
    static class Calls {
        final List<String> seen = new ArrayList<>();
    }

    @Requires(property = "spec.name", value = "RoutePrimerTest")
    @Controller
    static class ThingController {
        private final Calls calls;

        ThingController(Calls calls) {
            this.calls = calls;
        }

        @Get("/things/{id}")
        String thing(@PathVariable String id, Caller caller) {
            calls.seen.add(caller.sub() + ":" + id);
            throw ProblemException.notFound("thing_not_found", "no thing " + id);
        }
    }

    @Test
    void shouldRouteOneSyntheticRequestThroughTheHandler_whenAPathIsConfigured() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of("spec.name", "RoutePrimerTest",
                "tracing.enabled", "false", "api.priming.path", "/things/thing_never",
                "api.cursor.secret-parameter", "/test/cursor-signing-key"))) {
            Primer primer = context.getBean(RoutePrimer.class);
            primer.prime();
            assertThat(context.getBean(Calls.class).seen).containsExactly("snapstart-primer:thing_never");
            assertThat(context.isRunning()).isTrue();
        }
    }

    @Test
    void shouldNotExist_whenNoPathIsConfigured() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("spec.name", "RoutePrimerTest",
                "tracing.enabled", "false", "api.cursor.secret-parameter", "/test/cursor-signing-key"))) {
            assertThat(context.containsBean(RoutePrimer.class)).isFalse();
        }
    }
}
