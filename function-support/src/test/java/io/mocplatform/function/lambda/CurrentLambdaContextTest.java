package io.mocplatform.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentLambdaContextTest {

    /** The smallest Micronaut function: echoes its input. */
    static class EchoHandler extends MicronautRequestHandler<String, String> {
        EchoHandler(ApplicationContext context) {
            super(context);
        }

        @Override
        public String execute(String input) {
            return input;
        }
    }

    @Test
    void shouldKeepBeanRegistrationsFlat_whenInvokedManyTimes() {
        try (ApplicationContext context = ApplicationContext.run("tracing.enabled", "false")) {
            EchoHandler handler = new EchoHandler(context);
            for (int i = 0; i < 500; i++) {
                assertThat(handler.handleRequest("ping-" + i, LocalLambdaContext.of("echo", Duration.ofSeconds(5))))
                        .isEqualTo("ping-" + i);
            }
            // micronaut-aws's default factory registers a Context and a LambdaLogger singleton per invocation.
            assertThat(context.getBeanRegistrations(Context.class)).hasSizeLessThanOrEqualTo(1);
            assertThat(context.getBeanRegistrations(LambdaLogger.class)).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void shouldExposeTheInvocationInProgress() {
        try (ApplicationContext context = ApplicationContext.run("tracing.enabled", "false")) {
            CurrentLambdaContext current = context.getBean(CurrentLambdaContext.class);
            assertThat(current.get()).isEmpty();
            LocalLambdaContext invocation = LocalLambdaContext.of("echo", Duration.ofSeconds(30));
            new EchoHandler(context).handleRequest("x", invocation);
            assertThat(current.requestId()).contains(invocation.getAwsRequestId());
            assertThat(current.remainingTime()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }
}
