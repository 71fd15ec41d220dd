package io.mocplatform.processor.adapters.gemini;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;

/**
 * Gemini settings ({@code gemini.*}), read only when {@code processor.analyzer=gemini}.
 *
 * @param apiKeyParameter          SSM SecureString holding the API key ({@code GEMINI_API_KEY_PARAMETER})
 * @param model                    model name ({@code GEMINI_MODEL})
 * @param baseUrl                  API root; tests point it at a fake
 * @param timeout                  longest single call (request sent to last byte of the answer); a call gets less
 *                                 when the invocation's remaining time is shorter (see {@code CallPlan})
 * @param attempts                 calls per analysis for a timeout, an unreachable API or a 5xx answer; a 429 or a
 *                                 longer server hint is left to the queue's backoff
 * @param retryPause               wait before the second call, doubled before each further one
 * @param minCallTimeout           shortest call worth making; with less time left the job is handed on
 * @param maxImages                page images sent with the text (the first pages of the drawing)
 * @param inputPricePerMillion     USD per million input tokens, for the cost estimate
 * @param outputPricePerMillion    USD per million output (and thinking) tokens
 * @param breakerFailureRate       percentage of failed calls that opens the circuit
 * @param breakerMinimumCalls      calls before the failure rate counts
 * @param breakerOpenFor           how long an open circuit refuses calls
 */
@ConfigurationProperties("gemini")
@Requires(property = "processor.analyzer", value = "gemini")
public record GeminiConfiguration(
        @NotBlank String apiKeyParameter,
        @NotBlank String model,
        @NotNull @Bindable(defaultValue = "https://generativelanguage.googleapis.com") URI baseUrl,
        @NotNull @Bindable(defaultValue = "120s") Duration timeout,
        @Min(1) @Max(5) @Bindable(defaultValue = "3") int attempts,
        @NotNull @Bindable(defaultValue = "2s") Duration retryPause,
        @NotNull @Bindable(defaultValue = "20s") Duration minCallTimeout,
        @Min(0) @Bindable(defaultValue = "8") int maxImages,
        @DecimalMin("0") @Bindable(defaultValue = "0.30") double inputPricePerMillion,
        @DecimalMin("0") @Bindable(defaultValue = "2.50") double outputPricePerMillion,
        @Min(1) @Bindable(defaultValue = "50") int breakerFailureRate,
        @Min(1) @Bindable(defaultValue = "4") int breakerMinimumCalls,
        @NotNull @Bindable(defaultValue = "60s") Duration breakerOpenFor) {
}
