package io.mocplatform.processor.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffPolicyTest {

    @Test
    void shouldDoubleTheCeilingPerReceive_andStayWithinItsUpperHalf() {
        BackoffPolicy low = new BackoffPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15), () -> 0.0);
        BackoffPolicy high = new BackoffPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15), () -> 0.999999);

        assertThat(low.delay(1, Optional.empty())).isEqualTo(Duration.ofSeconds(15));
        assertThat(high.delay(1, Optional.empty())).isCloseTo(Duration.ofSeconds(30), Duration.ofMillis(1));
        assertThat(low.delay(2, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
        assertThat(low.delay(3, Optional.empty())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldNeverExceedTheCap_evenAfterManyReceives() {
        BackoffPolicy policy = new BackoffPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15), () -> 0.999999);

        assertThat(policy.delay(40, Optional.empty())).isLessThanOrEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldHonourTheServerHint_whenItIsLongerThanTheBackoff_butNotBeyondSqsMaximum() {
        BackoffPolicy policy = new BackoffPolicy(Duration.ofSeconds(30), Duration.ofMinutes(15), () -> 0.5);

        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(95)))).isEqualTo(Duration.ofSeconds(95));
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofMillis(22_500));
        assertThat(policy.delay(1, Optional.of(Duration.ofDays(2)))).isEqualTo(Duration.ofHours(12));
    }
}
