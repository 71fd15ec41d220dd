package io.mocplatform.function.aws;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/**
 * The SDK's standard retry strategy for the SSM client micronaut-aws-sdk-v2 builds (whatever the default mode of
 * the environment): a burst of cold starts reading the same parameter is throttled by SSM, and those reads are
 * retried with backoff instead of failing the request. The builder keeps its other settings (X-Ray interceptor).
 */
@Singleton
@Requires(classes = SsmClientBuilder.class)
public class SsmClientRetries implements BeanCreatedEventListener<SsmClientBuilder> {

    @Override
    public SsmClientBuilder onCreated(BeanCreatedEvent<SsmClientBuilder> event) {
        SsmClientBuilder builder = event.getBean();
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                .retryStrategy(RetryMode.STANDARD).build());
        return builder;
    }
}
