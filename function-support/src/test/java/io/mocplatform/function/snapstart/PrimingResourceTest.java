package io.mocplatform.function.snapstart;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.core.order.Ordered;
import io.mocplatform.function.lambda.CurrentLambdaContext;
import io.mocplatform.function.lambda.LocalLambdaContext;
import org.crac.RestoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrimingResourceTest {

    private final CurrentLambdaContext lambdaContext = new CurrentLambdaContext();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger resourceLogger = (Logger) LoggerFactory.getLogger(PrimingResource.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        resourceLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        resourceLogger.detachAppender(logs);
        MDC.clear();
    }

    @Test
    void shouldRunEveryPrimerExactlyOnce_whenTheCheckpointIsTaken() {
        CountingPrimer routes = new CountingPrimer("routes");
        CountingPrimer serde = new CountingPrimer("serde");
        PrimingResource resource = resource(List.of(routes, serde), List.of());

        resource.beforeCheckpoint(null);

        assertThat(routes.runs).hasValue(1);
        assertThat(serde.runs).hasValue(1);
        assertThat(resource.lastReport().steps()).extracting(PrimingReport.Step::primer)
                .containsExactly("routes", "serde");
        assertThat(resource.lastReport().failures()).isZero();
    }

    @Test
    void shouldNotRunAnyPrimer_whenOnlyCreated() {
        AtomicInteger lookups = new AtomicInteger();
        CountingPrimer primer = new CountingPrimer("routes");

        PrimingResource resource = new PrimingResource(() -> {
            lookups.incrementAndGet();
            return List.of(primer);
        }, List::of, lambdaContext);

        assertThat(lookups).hasValue(0);
        assertThat(primer.runs).hasValue(0);
        assertThat(resource.lastReport()).isEqualTo(PrimingReport.NONE);
    }

    @Test
    void shouldTakeTheCheckpointAndRunTheOtherPrimers_whenOnePrimerFails() {
        Primer broken = new Primer() {
            @Override
            public void prime() {
                throw new IllegalStateException("table not reachable during init");
            }

            @Override
            public String name() {
                return "dynamodb";
            }
        };
        CountingPrimer after = new CountingPrimer("routes");
        PrimingResource resource = resource(List.of(broken, after), List.of());

        resource.beforeCheckpoint(null);

        assertThat(after.runs).hasValue(1);
        PrimingReport report = resource.lastReport();
        assertThat(report.failures()).isEqualTo(1);
        assertThat(report.steps().get(0).error()).get()
                .extracting(Throwable::getMessage).isEqualTo("table not reachable during init");
        assertThat(logs.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("primer dynamodb failed");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("table not reachable during init");
        });
    }

    @Test
    void shouldRunPrimersInTheirDeclaredOrder_whenTheyAreOrdered() {
        List<String> ran = new ArrayList<>();
        PrimingResource resource = resource(
                List.of(new OrderedPrimer("late", 10, ran), new OrderedPrimer("early", -10, ran)), List.of());

        resource.beforeCheckpoint(null);

        assertThat(ran).containsExactly("early", "late");
    }

    @Test
    void shouldLeaveNoSyntheticInvocationStateInTheSnapshot_whenAPrimerWentThroughTheHandler() {
        Primer throughHandler = () -> {
            lambdaContext.registerSingletons(LocalLambdaContext.of("job-api", Duration.ofSeconds(30)));
            MDC.put("correlation_id", "priming");
        };
        PrimingResource resource = resource(List.of(throughHandler), List.of());

        resource.beforeCheckpoint(null);

        assertThat(lambdaContext.get()).isEmpty();
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void shouldRunRestoreHooksButNoPrimer_afterRestore() throws RestoreException {
        CountingPrimer primer = new CountingPrimer("routes");
        AtomicInteger refreshed = new AtomicInteger();
        PrimingResource resource = resource(List.of(primer), List.of(refreshed::incrementAndGet));

        resource.afterRestore(null);

        assertThat(refreshed).hasValue(1);
        assertThat(primer.runs).hasValue(0);
    }

    @Test
    void shouldFailTheRestore_whenARestoreHookFails() {
        RestoreHook broken = () -> {
            throw new IllegalStateException("parameter store refused");
        };
        PrimingResource resource = resource(List.of(), List.of(broken));

        assertThatThrownBy(() -> resource.afterRestore(null))
                .isInstanceOf(RestoreException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .extracting(Throwable::getMessage).isEqualTo("parameter store refused"));
    }

    @Test
    void shouldPrimeAfterOtherResourcesPrepare_becauseItIsRegisteredFirst() {
        assertThat(resource(List.of(), List.of()).getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
    }

    private PrimingResource resource(List<? extends Primer> primers, List<? extends RestoreHook> hooks) {
        return new PrimingResource(() -> primers, () -> hooks, lambdaContext);
    }

    private static final class CountingPrimer implements Primer {
        private final String name;
        private final AtomicInteger runs = new AtomicInteger();

        private CountingPrimer(String name) {
            this.name = name;
        }

        @Override
        public void prime() {
            runs.incrementAndGet();
        }

        @Override
        public String name() {
            return name;
        }
    }

    private record OrderedPrimer(String name, int order, List<String> ran) implements Primer, Ordered {
        @Override
        public void prime() {
            ran.add(name);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
