package io.mocplatform.jobapi.api;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.api.ApiFunction;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.testkit.LocalAwsEnvironment;

import java.util.HashMap;
import java.util.Map;

/** Application contexts for the job API pointed at one emulated environment, the way Terraform configures it. */
public final class JobApiContexts {

    private JobApiContexts() {
    }

    public static ApplicationContext start(LocalAwsEnvironment env, String queueUrl) {
        return start(env, queueUrl, Map.of());
    }

    /** The same with extra properties (e.g. {@code test.capture-metrics=true}). */
    public static ApplicationContext start(LocalAwsEnvironment env, String queueUrl, Map<String, Object> extra) {
        return ApplicationContext.builder().properties(properties(env, queueUrl, extra)).start();
    }

    /** The context Lambda starts ({@link ApiFunction}'s lazy one), for tests of what a cold start creates. */
    public static ApplicationContext startAsLambda(LocalAwsEnvironment env) {
        return ApiFunction.lambdaContextBuilder().properties(properties(env, env.jobsQueueUrl(), Map.of())).start();
    }

    private static Map<String, Object> properties(LocalAwsEnvironment env, String queueUrl, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(env.micronautPropertiesFor("job-api"));
        // The variables Terraform sets, which application.properties reads; the queue URL may point elsewhere on
        // purpose, and the extra properties come last so that a test can override any of them.
        properties.putAll(env.environmentVariablesFor("job-api"));
        properties.put(PlatformNames.JOBS_QUEUE_URL, queueUrl);
        properties.putAll(extra);
        return properties;
    }
}
