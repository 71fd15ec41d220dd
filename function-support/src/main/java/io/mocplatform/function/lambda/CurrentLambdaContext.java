package io.mocplatform.function.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Keeps the Lambda {@link Context} of the invocation in progress. Replaces micronaut-aws's default factory,
 * which registers the Context (and its logger) as new singletons on every invocation: the bean registry then
 * grows without bound and warm latency climbs with it (measured in micronaut-aws 4.11.0). Read the context from here; do not
 * inject {@code Context}.
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
public class CurrentLambdaContext implements LambdaContextFactory {

    private volatile Context current;

    @Override
    public void registerSingletons(Context context) {
        current = context;
    }

    /** The context of the invocation in progress, if any. */
    public Optional<Context> get() {
        return Optional.ofNullable(current);
    }

    /** Time left before the platform stops the invocation; effectively unlimited outside Lambda. */
    public Duration remainingTime() {
        Context context = current;
        return context == null ? Duration.ofDays(1) : Duration.ofMillis(context.getRemainingTimeInMillis());
    }

    /** The request id of the invocation in progress, if any. */
    public Optional<String> requestId() {
        return get().map(Context::getAwsRequestId);
    }
}
