package io.mocplatform.dlq.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void shouldEscapeControlAndBidiCharacters_whileKeepingUnicodeLetters() {
        assertThat(SafeText.printable("a\u001b[31mb\u0000c\u202edÄ€😀", 100))
                .isEqualTo("a\\u001b[31mb\\u0000c\\u202edÄ€😀");
    }

    @Test
    void shouldEscapeEveryLineBreakAndInvisibleFormatCharacter_soAFieldCannotPrintLinesOfItsOwn() {
        String hostile = "x\nError: fake\r\n\tTab\u2028LS\u2029PS\u0085NEL\u000bVT\u000cFF"
                + "\u061cALM\u200bZWSP\u2066LRI\u2069PDI\u200fRLM\ufeffBOM";

        String printed = SafeText.printable(hostile, 500);

        assertThat(printed).isEqualTo("x\\u000aError: fake\\u000d\\u000a\\u0009Tab\\u2028LS\\u2029PS"
                + "\\u0085NEL\\u000bVT\\u000cFF\\u061cALM\\u200bZWSP\\u2066LRI\\u2069PDI\\u200fRLM\\ufeffBOM");
        assertThat(printed).matches("[\\x20-\\x7e]+");
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
