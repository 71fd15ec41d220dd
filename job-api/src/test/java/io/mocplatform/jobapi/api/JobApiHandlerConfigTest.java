package io.mocplatform.jobapi.api;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.model.PlatformNames;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The function refuses to start without a cursor signing key, instead of failing its first listing. */
class JobApiHandlerConfigTest {

    @Test
    void shouldRefuseToStart_whenCursorKeyParameterIsMissing() {
        Map<String, Object> variables = new HashMap<>(Map.of(PlatformNames.APP_ENV, "dev",
                PlatformNames.JOBS_TABLE, "Jobs-dev", PlatformNames.DRAWINGS_BUCKET, "drawings-lego-moc-dev",
                PlatformNames.JOBS_QUEUE_URL, "http://127.0.0.1:9/000000000000/drawing-jobs-dev",
                "aws.region", "eu-west-2", "tracing.enabled", "false"));

        Throwable failure = catchThrowable(() -> new JobApiHandler(ApplicationContext.builder()
                .properties(variables).start()));

        assertThat(failure).isNotNull();
        assertThat(failure).rootCause().hasMessageContaining("CURSOR_KEY_PARAMETER");
    }
}
