package io.mocplatform.testkit;

import io.mocplatform.testkit.sns.SnsStandIn;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.Map;
import java.util.function.Function;

/**
 * JUnit 5 extension behind {@link WithLocalAws}. The first test that needs it starts one in-memory
 * {@link LocalAws} for the whole JVM (the root context's store keeps it and closes it when the run ends; the store
 * computes it once even when classes run in parallel).
 *
 * <p>Injects, into test constructors and methods: {@link LocalAws}, {@link LocalAwsEndpoints}, {@link AwsClients},
 * {@link SnsStandIn}, the shared SDK clients ({@link DynamoDbClient}, {@link DynamoDbEnhancedClient},
 * {@link SqsClient}, {@link S3Client}, {@link S3Presigner}, {@link SnsClient}; do not close them), and a
 * {@link LocalAwsEnvironment} of its own for each test class ({@code it-<random>}), so classes running in parallel
 * never see each other's data. A test that needs a fresh environment per method calls
 * {@link LocalAws#newIsolatedEnvironment()}.
 */
public final class LocalAwsExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalAwsExtension.class);
    private static final System.Logger LOG = System.getLogger(LocalAwsExtension.class.getName());

    private static final Map<Class<?>, Function<LocalAws, Object>> SHARED = Map.ofEntries(
            Map.entry(LocalAws.class, aws -> aws),
            Map.entry(LocalAwsEndpoints.class, LocalAws::endpoints),
            Map.entry(AwsClients.class, LocalAws::clients),
            Map.entry(SnsStandIn.class, LocalAws::sns),
            Map.entry(DynamoDbClient.class, aws -> aws.clients().dynamoDb()),
            Map.entry(DynamoDbEnhancedClient.class, aws -> aws.clients().dynamoDbEnhanced()),
            Map.entry(SqsClient.class, aws -> aws.clients().sqs()),
            Map.entry(S3Client.class, aws -> aws.clients().s3()),
            Map.entry(S3Presigner.class, aws -> aws.clients().s3Presigner()),
            Map.entry(SnsClient.class, aws -> aws.clients().sns()));

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return SHARED.containsKey(type) || type == LocalAwsEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        LocalAws aws = sharedLocalAws(context);
        if (type == LocalAwsEnvironment.class) {
            return classEnvironment(context, aws);
        }
        Function<LocalAws, Object> resolver = SHARED.get(type);
        if (resolver == null) {
            throw new ParameterResolutionException("LocalAwsExtension cannot supply " + type.getName());
        }
        return resolver.apply(aws);
    }

    /** The JVM-wide instance, started on first use. */
    public static LocalAws sharedLocalAws(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalAws.class, key -> {
            LocalAws aws = LocalAws.startInMemory();
            LOG.log(System.Logger.Level.INFO, aws.startupTimes().toString());
            return aws;
        }, LocalAws.class);
    }

    private static LocalAwsEnvironment classEnvironment(ExtensionContext context, LocalAws aws) {
        Class<?> testClass = context.getRequiredTestClass();
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(new ClassEnvironmentKey(testClass),
                key -> aws.newIsolatedEnvironment(), LocalAwsEnvironment.class);
    }

    /** Store key of a test class's environment. */
    private record ClassEnvironmentKey(Class<?> testClass) {
    }
}
