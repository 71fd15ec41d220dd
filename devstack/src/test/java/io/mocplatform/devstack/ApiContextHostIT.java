package io.mocplatform.devstack;

import io.mocplatform.devstack.contract.PlatformContract;
import io.mocplatform.devstack.lambda.FunctionArtifacts;
import io.mocplatform.devstack.lambda.LocalFunction;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devstack starts an API's context the way Lambda does (the handler's lazy {@code ApiFunction} context), not
 * with micronaut-aws's builder that creates every singleton at start: job-api, hosted from its real Lambda zip with
 * the stack's own settings, has bound its configuration but built no S3 client, presigner or SQS client before its
 * first upload or submission. A bean that fails only at first use then fails locally as it would in AWS.
 */
@WithLocalAws
class ApiContextHostIT {

    private static final List<String> CREATED_AT_FIRST_USE = List.of(
            "software.amazon.awssdk.services.s3.S3Client",
            "software.amazon.awssdk.services.s3.presigner.S3Presigner",
            "software.amazon.awssdk.services.sqs.SqsClient");

    @Test
    void shouldStartJobApisLazyContext_withoutTheClientsOnlyUploadsAndSubmissionsUse(LocalAwsEnvironment aws,
                                                                                    @TempDir Path unpacked)
            throws Exception {
        PlatformContract.Function jobApi = PlatformContract.embedded().functions().get("job-api");
        FunctionArtifacts artifacts = FunctionArtifacts.standard(unpacked);
        List<String> events = new ArrayList<>();

        try (LocalFunction function = new LocalFunction(Stack.settings(jobApi, aws, StackOptions.defaults()),
                artifacts, Clock.systemUTC(), events::add)) {
            assertThat(function.warmUp()).as("started: %s", events).isTrue();
            Object context = contextOf(function);
            ClassLoader loader = context.getClass().getClassLoader();

            assertThat(created(loader, context, List.of("io.mocplatform.jobapi.config.JobApiConfiguration")))
                    .as("bound at start").hasSize(1);
            assertThat(created(loader, context, CREATED_AT_FIRST_USE)).as("created at start").isEmpty();
        }
    }

    /**
     * The running function's application context: its execution environment's host's context. Private state, and of
     * the function's own class loader, so reached reflectively.
     */
    private static Object contextOf(LocalFunction function) throws ReflectiveOperationException {
        Object environment = field(function, "environment");
        return field(field(environment, "host"), "context");
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    /** Those of {@code typeNames} the context has created a singleton of. */
    private static List<String> created(ClassLoader loader, Object context, List<String> typeNames)
            throws ReflectiveOperationException {
        var registrations = loader.loadClass("io.micronaut.context.BeanDefinitionRegistry")
                .getMethod("getActiveBeanRegistrations", Class.class);
        List<String> created = new ArrayList<>();
        for (String name : typeNames) {
            if (!((Collection<?>) registrations.invoke(context, loader.loadClass(name))).isEmpty()) {
                created.add(name);
            }
        }
        return created;
    }
}
