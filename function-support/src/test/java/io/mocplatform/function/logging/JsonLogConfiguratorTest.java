package io.mocplatform.function.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogConfiguratorTest {

    private final PrintStream stdout = System.out;

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.clearProperty(JsonLogConfigurator.FORMAT);
        System.clearProperty(JsonLogConfigurator.LEVEL);
        MDC.clear();
    }

    @Test
    void shouldBeFoundByLogback_asAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(JsonLogConfigurator.class);
    }

    @Test
    void shouldWriteOneJsonObjectPerLine_withTheMdcFieldsAndWithoutThreadOrVersion() {
        // The build sets LOG_FORMAT=text for readable test output; the property wins over it, as in logback.xml.
        System.setProperty(JsonLogConfigurator.FORMAT, "json");
        String out = logThroughFreshContext(() -> {
            LoggerContext context = configured();
            MDC.put(LogContext.FUNCTION, "job-api");
            MDC.put(LogContext.COLD_START, "true");
            context.getLogger("io.mocplatform.jobapi.adapters.dynamodb.DynamoDbJobRepository").info("hello {}", "world");
            context.stop();
        });

        assertThat(out.lines()).hasSize(1);
        assertThat(out).startsWith("{\"timestamp\":\"")
                .contains("\"message\":\"hello world\"", "\"level\":\"INFO\"", "\"function\":\"job-api\"",
                        "\"cold_start\":\"true\"", "\"logger\":\"i.m.j.a.d.DynamoDbJobRepository\"")
                .doesNotContain("@version", "thread_name", "level_value");
    }

    @Test
    void shouldKeepFrameworkInfoOut_butLetItsWarningsThrough() {
        System.setProperty(JsonLogConfigurator.FORMAT, "json");
        String out = logThroughFreshContext(() -> {
            LoggerContext context = configured();
            context.getLogger("io.micronaut.context.DefaultBeanContext").info("noise");
            context.getLogger("software.amazon.awssdk.core").warn("retrying");
            context.stop();
        });

        assertThat(out).doesNotContain("noise").contains("\"message\":\"retrying\"");
    }

    @Test
    void shouldWriteReadableLines_andHonourTheLevel_whenAskedForText() {
        System.setProperty(JsonLogConfigurator.FORMAT, "text");
        System.setProperty(JsonLogConfigurator.LEVEL, "WARN");
        String out = logThroughFreshContext(() -> {
            LoggerContext context = configured();
            assertThat(context.getLogger("root").getLevel()).isEqualTo(Level.WARN);
            MDC.put(LogContext.FUNCTION, "dlq-handler");
            context.getLogger("io.mocplatform.dlq.X").info("not shown");
            context.getLogger("io.mocplatform.dlq.X").warn("shown");
            context.stop();
        });

        assertThat(out).doesNotContain("not shown").doesNotStartWith("{").contains("WARN  [dlq-handler]  shown");
    }

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        // The slf4j MDC the code under test writes to; logback's own context shares it the same way.
        context.setMDCAdapter(MDC.getMDCAdapter());
        JsonLogConfigurator configurator = new JsonLogConfigurator();
        configurator.setContext(context);
        assertThat(configurator.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return context;
    }

    /** The console appender writes to System.out as it is at the time of writing: swap it while the body runs. */
    private String logThroughFreshContext(Runnable body) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(stdout);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
