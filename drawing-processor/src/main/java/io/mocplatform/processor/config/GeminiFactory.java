package io.mocplatform.processor.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.mocplatform.processor.adapters.gemini.ApiKeySource;
import io.mocplatform.processor.adapters.gemini.GeminiConfiguration;
import io.mocplatform.processor.adapters.ssm.SsmParameterReader;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;

/** The Gemini API key comes from an SSM SecureString, read once per container, never from the environment. */
@Factory
@Requires(property = "processor.analyzer", value = "gemini")
class GeminiFactory {

    @Singleton
    SsmParameterReader ssmParameterReader(AwsCredentialsProviderChain credentials, AwsRegionProviderChain region,
                                          @Value("${aws.services.ssm.endpoint-override:}") String endpointOverride,
                                          JsonMapper json) {
        String regionId = region.getRegion().id();
        return new SsmParameterReader(SsmParameterReader.endpoint(regionId, endpointOverride), regionId,
                credentials, json);
    }

    @Singleton
    ApiKeySource geminiApiKey(SsmParameterReader parameters, GeminiConfiguration config) {
        return () -> parameters.secureString(config.apiKeyParameter());
    }
}
