package io.mocplatform.imageapi.api;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.api.ApiFunction;
import io.mocplatform.api.SingletonsPrimer;
import io.mocplatform.imageapi.config.ImageApiConfiguration;
import io.mocplatform.model.PlatformNames;
import io.mocplatform.testkit.api.ApiGatewayEvents;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a cold start of the function builds, in the context Lambda starts ({@link ApiFunction}): reading an image
 * creates no S3 client or presigner (they are for uploads, verification and deletion); priming before a SnapStart
 * snapshot creates them. No AWS call is made: the read is of an id that is not well-formed.
 */
class ImageApiColdStartTest {

    private static final List<Class<?>> NOT_FOR_A_READ = List.of(S3Client.class, S3Presigner.class);

    @Test
    void shouldAnswerARead_withoutCreatingTheClientsOnlyUploadsUse() {
        try (ApplicationContext context = lambdaContext()) {
            assertThat(created(context, List.of(ImageApiConfiguration.class))).as("bound at start")
                    .containsExactly(ImageApiConfiguration.class);

            var response = new ApiGatewayEvents(new ImageApiHandler(context), "image-api").as("user-1")
                    .get("/images/not-an-image-id");

            assertThat(response.status()).isEqualTo(404);
            assertThat(created(context, List.of(DynamoDbClient.class))).as("the read's own client")
                    .containsExactly(DynamoDbClient.class);
            assertThat(created(context, NOT_FOR_A_READ)).isEmpty();
        }
    }

    @Test
    void shouldCreateEveryClient_whenPrimedBeforeASnapshot() throws Exception {
        try (ApplicationContext context = lambdaContext()) {
            context.getBean(SingletonsPrimer.class).prime();

            assertThat(created(context, NOT_FOR_A_READ)).containsExactlyElementsOf(NOT_FOR_A_READ);
        }
    }

    private static ApplicationContext lambdaContext() {
        return ApiFunction.lambdaContextBuilder().properties(Map.of(PlatformNames.APP_ENV, "dev",
                PlatformNames.IMAGES_TABLE, "ImageMetadata-dev", PlatformNames.IMAGES_BUCKET, "images-lego-moc-dev",
                PlatformNames.CDN_BASE_URL, "https://cdn.invalid",
                PlatformNames.CURSOR_KEY_PARAMETER, "/moc-platform/dev/cursor-signing-key",
                "aws.region", "eu-west-2", "aws.access-key-id", "cold", "aws.secret-key", "start")).start();
    }

    /** Those of {@code types} the context has created a singleton of. */
    private static List<Class<?>> created(ApplicationContext context, List<Class<?>> types) {
        return types.stream().filter(type -> !context.getActiveBeanRegistrations(type).isEmpty()).toList();
    }
}
