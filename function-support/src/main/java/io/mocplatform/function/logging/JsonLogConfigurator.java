package io.mocplatform.function.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * The logging set-up of every function, in code rather than in a {@code logback.xml}: parsing XML and running
 * logback's configuration model cost about a tenth of a Lambda cold start (measured with tools/coldstart), and
 * this class does the same in a few milliseconds. Logback finds it through {@code META-INF/services}.
 *
 * <p>What it sets up: one JSON object per line on standard output ({@link JsonLineEncoder}; CloudWatch Logs
 * Insights reads the MDC fields {@code function}, {@code cold_start}, {@code correlation_id}, {@code job_id} as
 * columns), or readable lines with {@code LOG_FORMAT=text}; the root level from {@code LOG_LEVEL} (default {@code INFO});
 * Micronaut and the AWS SDKs at {@code WARN}. Both settings are read as logback reads {@code ${...}} in XML:
 * system property first, then environment variable.
 *
 * <p>An explicit XML configuration still wins: with {@code -Dlogback.configurationFile} or a
 * {@code logback-test.xml} on the class path this configurator steps aside and logback reads that file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public class JsonLogConfigurator extends ContextAwareBase implements Configurator {

    static final String FORMAT = "LOG_FORMAT";
    static final String LEVEL = "LOG_LEVEL";
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level [%X{function}] %X{job_id} %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || getClass().getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // Without a listener logback prints its own status lines at start-up, and they would land in CloudWatch.
        NopStatusListener quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);

        Encoder<ILoggingEvent> encoder = "text".equalsIgnoreCase(setting(FORMAT, "json"))
                ? textEncoder(context) : jsonEncoder(context);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(setting(LEVEL, "INFO"), Level.INFO));
        root.addAppender(console);
        for (String noisy : new String[] {"io.micronaut", "software.amazon", "com.amazonaws"}) {
            context.getLogger(noisy).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static JsonLineEncoder jsonEncoder(LoggerContext context) {
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static PatternLayoutEncoder textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
