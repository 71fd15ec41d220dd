package io.mocplatform.processor.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.mocplatform.function.aws.ParameterUnavailableException;
import io.mocplatform.function.aws.SsmParameterReader;
import io.mocplatform.processor.adapters.gemini.ApiKeySource;
import io.mocplatform.processor.adapters.gemini.GeminiConfiguration;
import io.mocplatform.processor.domain.RetryableException;
import jakarta.inject.Singleton;

/**
 * The Gemini API key comes from an SSM SecureString, read at first use and kept for a few minutes by
 * {@link SsmParameterReader}, never from the environment.
 */
@Factory
@Requires(property = "processor.analyzer", value = "gemini")
class GeminiFactory {

    @Singleton
    ApiKeySource geminiApiKey(SsmParameterReader parameters, GeminiConfiguration config) {
        return () -> {
            try {
                return parameters.secureString(config.apiKeyParameter());
            } catch (ParameterUnavailableException e) {
                // A missing key or access denied is a deployment fault: retried, then dead-lettered and alerted on.
                throw new RetryableException("parameter_unavailable", e.getMessage(), null, e);
            }
        };
    }
}
