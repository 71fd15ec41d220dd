package io.mocplatform.dlq.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void shouldEscapeControlAndBidiCharacters_whileKeepingNewlinesAndUnicodeLetters() {
        assertThat(SafeText.printable("a\u001b[31mb\u0000c\u202ed\nÄ€😀", 100))
                .isEqualTo("a\\u001b[31mb\\u0000c\\u202ed\nÄ€😀");
    }

    @Test
    void shouldCutAtTheLimitAndSayHowMuchWasLeftOut() {
        String cut = SafeText.printable("x".repeat(50) + "😀".repeat(10), 52);

        assertThat(cut).startsWith("x".repeat(50) + "😀").endsWith("... [9 more characters cut]");
    }

    @Test
    void shouldNeverSplitAnEscapeOrASurrogatePair() {
        assertThat(SafeText.printable("ab\u0007", 4)).isEqualTo("ab... [1 more characters cut]");
        assertThat(SafeText.printable("a😀", 2)).isEqualTo("a... [1 more characters cut]");
    }

    @Test
    void shouldMakeOneAsciiLineShorterThanTheLimit_forSnsSubjects() {
        String line = SafeText.asciiLine("[HIGH] prod: job\nwith ünïcode " + "y".repeat(200), 99);

        assertThat(line).hasSize(99).endsWith("...").doesNotContain("\n").matches("[\\x20-\\x7e]+");
        assertThat(line).startsWith("[HIGH] prod: job with ?n?code");
    }

    @Test
    void shouldQuoteValuesForLogsInsights_soAQuoteCannotEndTheFilter() {
        assertThat(SafeText.queryLiteral("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    }
}
