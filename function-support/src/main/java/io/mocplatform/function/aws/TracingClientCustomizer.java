package io.mocplatform.function.aws;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Adds the X-Ray interceptor to every AWS SDK client that micronaut-aws-sdk-v2 builds, so DynamoDB, S3, SQS,
 * SNS and SSM calls appear as subsegments. On by default; {@code tracing.enabled=false} turns it off. Every
 * client gets the same interceptor ({@link Tracing#sdkInterceptor()}), so X-Ray's is created once, at the first
 * AWS call of any of them.
 */
@Singleton
@Requires(property = "tracing.enabled", notEquals = "false")
public class TracingClientCustomizer implements BeanCreatedEventListener<SdkClientBuilder<?, ?>> {

    private final ExecutionInterceptor tracing = Tracing.sdkInterceptor();

    @Override
    public SdkClientBuilder<?, ?> onCreated(BeanCreatedEvent<SdkClientBuilder<?, ?>> event) {
        SdkClientBuilder<?, ?> builder = event.getBean();
        ClientOverrideConfiguration current = builder.overrideConfiguration();
        builder.overrideConfiguration(current.toBuilder().addExecutionInterceptor(tracing).build());
        return builder;
    }

    /**
     * Whether X-Ray's own interceptor exists yet: after the first AWS call through any of this context's clients,
     * SnapStart priming's read included, so a restored function does not create it at its first request.
     */
    public boolean xrayInterceptorCreated() {
        return tracing instanceof LazyExecutionInterceptor lazy && lazy.created();
    }
}
