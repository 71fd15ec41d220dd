package io.mocplatform.processor.adapters.gemini;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import io.mocplatform.function.config.Settings;
import io.mocplatform.model.PlatformNames;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Gemini settings ({@code gemini.*}), read only when {@code processor.analyzer=gemini}. A missing or wrong value
 * stops the function at start ({@link Settings}).
 *
 * @param apiKeyParameter          SSM SecureString holding the API key ({@code GEMINI_API_KEY_PARAMETER})
 * @param model                    model name ({@code GEMINI_MODEL})
 * @param baseUrl                  API root; tests point it at a fake
 * @param timeout                  longest single call (request sent to last byte of the answer); a call gets less
 *                                 when the invocation's remaining time is shorter (see {@code CallPlan})
 * @param attempts                 calls per analysis for a timeout, an unreachable API or a 5xx answer, 1 to 5; a
 *                                 429 or a longer server hint is left to the queue's backoff
 * @param retryPause               wait before the second call, doubled before each further one
 * @param minCallTimeout           shortest call worth making; with less time left the job is handed on
 * @param maxImages                page images sent with the text (the first pages of the drawing), at least 0
 * @param inputPricePerMillion     USD per million input tokens, for the cost estimate, at least 0
 * @param outputPricePerMillion    USD per million output (and thinking) tokens, at least 0
 * @param breakerFailureRate       percentage of failed calls that opens the circuit, at least 1
 * @param breakerMinimumCalls      calls before the failure rate counts, at least 1
 * @param breakerOpenFor           how long an open circuit refuses calls
 */
@ConfigurationProperties("gemini")
@Requires(property = "processor.analyzer", value = "gemini")
public record GeminiConfiguration(
        String apiKeyParameter,
        String model,
        @Bindable(defaultValue = "https://generativelanguage.googleapis.com") URI baseUrl,
        @Bindable(defaultValue = "120s") Duration timeout,
        @Bindable(defaultValue = "3") int attempts,
        @Bindable(defaultValue = "2s") Duration retryPause,
        @Bindable(defaultValue = "20s") Duration minCallTimeout,
        @Bindable(defaultValue = "8") int maxImages,
        @Bindable(defaultValue = "0.30") double inputPricePerMillion,
        @Bindable(defaultValue = "2.50") double outputPricePerMillion,
        @Bindable(defaultValue = "50") int breakerFailureRate,
        @Bindable(defaultValue = "4") int breakerMinimumCalls,
        @Bindable(defaultValue = "60s") Duration breakerOpenFor) {

    private static final Map<String, String> VARIABLES = Map.of(
            "api-key-parameter", PlatformNames.GEMINI_API_KEY_PARAMETER, "model", PlatformNames.GEMINI_MODEL);

    public GeminiConfiguration {
        Settings.of("gemini", VARIABLES)
                .text("api-key-parameter", apiKeyParameter)
                .text("model", model)
                .present("base-url", baseUrl)
                .present("timeout", timeout)
                .range("attempts", attempts, 1, 5)
                .present("retry-pause", retryPause)
                .present("min-call-timeout", minCallTimeout)
                .atLeast("max-images", maxImages, 0)
                .atLeast("input-price-per-million", inputPricePerMillion, 0)
                .atLeast("output-price-per-million", outputPricePerMillion, 0)
                .atLeast("breaker-failure-rate", breakerFailureRate, 1)
                .atLeast("breaker-minimum-calls", breakerMinimumCalls, 1)
                .present("breaker-open-for", breakerOpenFor)
                .check();
    }
}
