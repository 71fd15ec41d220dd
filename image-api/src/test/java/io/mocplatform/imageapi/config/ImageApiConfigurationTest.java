package io.mocplatform.imageapi.config;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.api.ApiFunction;
import io.mocplatform.function.config.InvalidSettingsException;
import io.mocplatform.model.PlatformNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.mocplatform.testkit.config.RecordCopies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ImageApiConfigurationTest {

    private static final List<String> DEFAULT_TYPES = List.of("image/jpeg", "image/png", "image/webp", "image/gif");
    private static final ImageApiConfiguration VALID = new ImageApiConfiguration("ImageMetadata-dev",
            "images-lego-moc-dev", "https://d111111abcdef8.cloudfront.net", DEFAULT_TYPES, 20_971_520, 16_384, 16_384,
            100_000_000, Duration.ofMinutes(15), 20);

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments("table", null, "image-api.table (environment variable IMAGES_TABLE) is not set"),
                arguments("table", " ", "image-api.table (environment variable IMAGES_TABLE) is blank"),
                arguments("bucket", null, "image-api.bucket (environment variable IMAGES_BUCKET) is not set"),
                arguments("bucket", "", "image-api.bucket (environment variable IMAGES_BUCKET) is blank"),
                arguments("cdnBaseUrl", null, "image-api.cdn-base-url (environment variable CDN_BASE_URL) is not set"),
                arguments("cdnBaseUrl", " ", "image-api.cdn-base-url (environment variable CDN_BASE_URL) is blank"),
                arguments("cdnBaseUrl", "d111111abcdef8.cloudfront.net", "image-api.cdn-base-url (environment variable "
                        + "CDN_BASE_URL) is 'd111111abcdef8.cloudfront.net', must be an http:// or https:// URL without spaces"),
                arguments("cdnBaseUrl", "ftp://cdn.example.com", "image-api.cdn-base-url (environment variable "
                        + "CDN_BASE_URL) is 'ftp://cdn.example.com', must be an http:// or https:// URL without spaces"),
                arguments("cdnBaseUrl", "https://cdn.example.com/a b", "image-api.cdn-base-url (environment variable "
                        + "CDN_BASE_URL) is 'https://cdn.example.com/a b', must be an http:// or https:// URL without spaces"),
                arguments("cdnBaseUrl", "https://", "image-api.cdn-base-url (environment variable "
                        + "CDN_BASE_URL) is 'https://', must be an http:// or https:// URL without spaces"),
                arguments("allowedContentTypes", null, "image-api.allowed-content-types is not set"),
                arguments("allowedContentTypes", List.of(), "image-api.allowed-content-types is empty"),
                arguments("maxBytes", 0L, "image-api.max-bytes is 0, must be at least 1"),
                arguments("maxWidth", 0, "image-api.max-width is 0, must be at least 1"),
                arguments("maxHeight", -1, "image-api.max-height is -1, must be at least 1"),
                arguments("maxPixels", 0L, "image-api.max-pixels is 0, must be at least 1"),
                arguments("uploadValidity", null, "image-api.upload-validity is not set"),
                arguments("defaultPageSize", 0, "image-api.default-page-size is 0, must be between 1 and 100"),
                arguments("defaultPageSize", 101, "image-api.default-page-size is 101, must be between 1 and 100"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badSettings")
    void shouldRefuse_aBadSetting(String component, Object value, String problem) {
        assertThatThrownBy(() -> with(VALID, component, value)).isInstanceOfSatisfying(InvalidSettingsException.class,
                e -> assertThat(e.problems()).containsExactly(problem));
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(arguments("cdnBaseUrl", "http://127.0.0.1:8080/cdn"), arguments("maxBytes", 1L),
                arguments("maxWidth", 1), arguments("maxHeight", 1), arguments("maxPixels", 1L),
                arguments("defaultPageSize", 1), arguments("defaultPageSize", 100));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("boundaries")
    void shouldAccept_theLimitsThemselves(String component, Object value) {
        assertThatCode(() -> with(VALID, component, value)).doesNotThrowAnyException();
    }

    @Test
    void shouldBindTheDocumentedDefaults_fromTheVariablesTerraformSets() {
        try (ApplicationContext context = ApiFunction.lambdaContextBuilder().properties(terraformVariables()).start()) {
            assertThat(context.getBean(ImageApiConfiguration.class)).isEqualTo(new ImageApiConfiguration(
                    "ImageMetadata-dev", "images-lego-moc-dev", "https://cdn.invalid", DEFAULT_TYPES, 20_971_520,
                    16_384, 16_384, 100_000_000, Duration.ofMinutes(15), 20));
        }
    }

    @Test
    void shouldRefuseToStart_whenAVariableIsNotAUrlOrASettingOutOfRange() {
        Map<String, Object> properties = terraformVariables();
        properties.put(PlatformNames.CDN_BASE_URL, "cdn.invalid");
        properties.put("image-api.default-page-size", "0");

        Throwable failure = catchThrowable(() -> ApiFunction.lambdaContextBuilder().properties(properties).start());

        assertThat(failure).rootCause().isInstanceOf(InvalidSettingsException.class).hasMessage("Invalid image-api "
                + "settings: image-api.cdn-base-url (environment variable CDN_BASE_URL) is 'cdn.invalid', must be an "
                + "http:// or https:// URL without spaces; image-api.default-page-size is 0, must be between 1 and 100");
    }

    private static Map<String, Object> terraformVariables() {
        return new HashMap<>(Map.of(PlatformNames.APP_ENV, "dev", PlatformNames.IMAGES_TABLE, "ImageMetadata-dev",
                PlatformNames.IMAGES_BUCKET, "images-lego-moc-dev", PlatformNames.CDN_BASE_URL, "https://cdn.invalid",
                PlatformNames.CURSOR_KEY_PARAMETER, "/moc-platform/dev/cursor-signing-key",
                "aws.region", "eu-west-2", "tracing.enabled", "false"));
    }
}
