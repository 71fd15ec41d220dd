package io.mocplatform.function.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static Settings settings() {
        return Settings.of("fn", Map.of("table", "TABLE_NAME"));
    }

    private static List<String> problems(Settings settings) {
        try {
            settings.check();
        } catch (InvalidSettingsException e) {
            return e.problems();
        }
        return List.of();
    }

    @Test
    void shouldPass_whenEverySettingIsValid() {
        assertThatCode(() -> settings().text("table", "Jobs-dev").present("ttl", Duration.ofHours(1))
                .notEmpty("types", List.of("a")).range("size", 1, 1, 100).range("size", 100, 1, 100)
                .atLeast("bytes", 1, 1).atLeast("price", 0.0, 0).oneOf("mode", "gemini", "offline", "gemini")
                .matches("url", "https://x", Pattern.compile("https://\\S+"), "a URL").check())
                .doesNotThrowAnyException();
    }

    @Test
    void shouldNameTheEnvironmentVariable_whenOneFillsTheSetting() {
        assertThat(problems(settings().text("table", null).text("other", null)))
                .containsExactly("fn.table (environment variable TABLE_NAME) is not set", "fn.other is not set");
    }

    @Test
    void shouldRefuseText_whenBlank() {
        assertThat(problems(settings().text("table", " \t")))
                .containsExactly("fn.table (environment variable TABLE_NAME) is blank");
    }

    @Test
    void shouldRefuseAValue_whenMissing() {
        assertThat(problems(settings().present("ttl", null))).containsExactly("fn.ttl is not set");
    }

    @Test
    void shouldRefuseACollection_whenMissingOrEmpty() {
        assertThat(problems(settings().notEmpty("types", null).notEmpty("more", List.of())))
                .containsExactly("fn.types is not set", "fn.more is empty");
    }

    @Test
    void shouldRefuseNumbers_outsideTheirRange() {
        assertThat(problems(settings().range("size", 0, 1, 100).range("size", 101, 1, 100)
                .atLeast("bytes", -1, 0).atLeast("price", -0.01, 0).atLeast("rate", Double.NaN, 0)))
                .containsExactly("fn.size is 0, must be between 1 and 100", "fn.size is 101, must be between 1 and 100",
                        "fn.bytes is -1, must be at least 0", "fn.price is -0.01, must be at least 0.0",
                        "fn.rate is NaN, must be at least 0.0");
    }

    @Test
    void shouldRefuseText_notAmongTheAllowedValues() {
        assertThat(problems(settings().oneOf("mode", "Gemini", "offline", "gemini")))
                .containsExactly("fn.mode is 'Gemini', must be one of offline, gemini");
    }

    @Test
    void shouldReportMissingTextOnce_whenItMustAlsoMatch() {
        assertThat(problems(settings().oneOf("mode", "", "offline").matches("table", null, Pattern.compile("x"), "x")))
                .containsExactly("fn.mode is blank", "fn.table (environment variable TABLE_NAME) is not set");
    }

    @Test
    void shouldRefuseText_thatDoesNotMatchAsAWhole() {
        assertThat(problems(settings().matches("url", "see https://x", Pattern.compile("https://\\S+"), "an https URL")))
                .containsExactly("fn.url is 'see https://x', must be an https URL");
    }

    @Test
    void shouldListEveryProblemInOneMessage() {
        assertThatThrownBy(() -> settings().text("table", "").problem("url", "'x' has no host").check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid fn settings: fn.table (environment variable TABLE_NAME) is blank; fn.url 'x' has no host");
    }
}
