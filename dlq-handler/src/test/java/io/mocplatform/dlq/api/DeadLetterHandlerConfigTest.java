package io.mocplatform.dlq.api;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class DeadLetterHandlerConfigTest {

    @Test
    void shouldRefuseToStart_whenTheTerraformVariablesAreMissing() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("tracing.enabled", "false")).start()) {

            Throwable failure = catchThrowable(() -> new DeadLetterHandler(context));

            assertThat(failure).isNotNull();
            assertThat(failure).rootCause().hasMessageContaining("APP_ENV");
        }
    }
}
