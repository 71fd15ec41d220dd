package io.mocplatform.function.logging;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTest {

    private static String coldStartOfNextInvocation() {
        try (LogContext ignored = LogContext.open("fn", "corr-1")) {
            return MDC.get(LogContext.COLD_START);
        }
    }

    @Test
    void shouldMarkOnlyTheFirstInvocationCold_untilPrimingResetsIt() {
        coldStartOfNextInvocation();
        assertThat(coldStartOfNextInvocation()).isEqualTo("false");

        LogContext.markNextInvocationCold();

        assertThat(coldStartOfNextInvocation()).isEqualTo("true");
        assertThat(coldStartOfNextInvocation()).isEqualTo("false");
    }

    @Test
    void shouldCarryTheFieldsForTheScope_andClearThemAfterwards() {
        try (LogContext context = LogContext.open("job-api", "corr-7").put(LogContext.JOB_ID, "job_1")) {
            assertThat(MDC.get(LogContext.FUNCTION)).isEqualTo("job-api");
            assertThat(MDC.get(LogContext.CORRELATION_ID)).isEqualTo("corr-7");
            assertThat(LogContext.currentCorrelationId()).isEqualTo("corr-7");
            context.put(LogContext.JOB_ID, null);
            assertThat(MDC.get(LogContext.JOB_ID)).isNull();
        }
        assertThat(MDC.get(LogContext.FUNCTION)).isNull();
    }
}
