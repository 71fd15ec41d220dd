package io.mocplatform.devstack.gateway;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RouteThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void shouldAllowTheBurst_thenRefuse_untilTheRateRefillsTheBucket() {
        RouteThrottle throttle = new RouteThrottle(new RouteThrottle.Limits(3, 2), clock);

        assertThat(IntStream.range(0, 3).mapToObj(i -> throttle.tryAcquire("GET /jobs"))).containsOnly(true);
        assertThat(throttle.tryAcquire("GET /jobs")).isFalse();

        clock.advance(Duration.ofMillis(499));
        assertThat(throttle.tryAcquire("GET /jobs")).as("0.998 tokens after 499 ms at 2/s").isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.tryAcquire("GET /jobs")).isTrue();
        assertThat(throttle.tryAcquire("GET /jobs")).isFalse();

        clock.advance(Duration.ofHours(1));
        assertThat(IntStream.range(0, 4).mapToObj(i -> throttle.tryAcquire("GET /jobs")))
                .as("an idle bucket holds the burst, not more").containsExactly(true, true, true, false);
    }

    @Test
    void shouldKeepOneBucketPerRoute() {
        RouteThrottle throttle = new RouteThrottle(new RouteThrottle.Limits(1, 1), clock);

        assertThat(throttle.tryAcquire("GET /jobs")).isTrue();
        assertThat(throttle.tryAcquire("GET /jobs")).isFalse();
        assertThat(throttle.tryAcquire("GET /images")).isTrue();
    }

    @Test
    void shouldUseTheHttpApiModulesDefaultLimits() throws Exception {
        String variables = Files.readString(Path.of("..", "infra", "terraform", "modules", "http-api", "variables.tf"));

        assertThat(RouteThrottle.Limits.TERRAFORM_DEFAULT.burstLimit()).isEqualTo(defaultOf(variables, "burst_limit"));
        assertThat(RouteThrottle.Limits.TERRAFORM_DEFAULT.rateLimit()).isEqualTo(defaultOf(variables, "rate_limit"));
    }

    private static int defaultOf(String variables, String attribute) {
        Matcher m = Pattern.compile(attribute + "\\s*=\\s*optional\\(number,\\s*(\\d+)\\)").matcher(variables);
        assertThat(m.find()).as(attribute + " in variables.tf").isTrue();
        return Integer.parseInt(m.group(1));
    }
}
