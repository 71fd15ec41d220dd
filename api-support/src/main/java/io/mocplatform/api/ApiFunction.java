package io.mocplatform.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.function.aws.MicronautLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * The Lambda entry point of an API (HTTP API, payload format 2.0) with a lazy application context: on a cold start
 * only the beans the first request needs are created; the rest (for a status read: the S3 client, the presigner,
 * the SQS client) are created at their first use.
 *
 * <p>micronaut-aws's own builder ({@code LambdaApplicationContextBuilder}) creates every singleton while the
 * context starts, which was most of an API's cold start. {@code eagerInitSingletons(false)} cannot undo that on its
 * builder (it only ever adds the eager stereotype), so this builder is written out: the same environments, the
 * configuration properties still bound and validated at start (a missing variable fails the start, not the first
 * request), singletons created on demand. Under SnapStart, {@link SingletonsPrimer} creates them all before the
 * snapshot, so a restored function holds what the eager context would have.
 */
public abstract class ApiFunction extends APIGatewayV2HTTPEventFunction {

    /** What the Lambda runtime calls: starts a lazy context from application.properties and the environment. */
    protected ApiFunction() {
        super();
    }

    /** What tests and the devstack call with a context they configured. */
    protected ApiFunction(ApplicationContext context) {
        super(context);
    }

    /** The context the no-argument constructor starts, for tests that need the start Lambda gets. */
    public static ApplicationContextBuilder lambdaContextBuilder() {
        return ApplicationContext.builder()
                .environments(Environment.FUNCTION, MicronautLambdaContext.ENVIRONMENT_LAMBDA)
                .eagerInitConfiguration(true);
    }

    @NonNull
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return lambdaContextBuilder();
    }
}
