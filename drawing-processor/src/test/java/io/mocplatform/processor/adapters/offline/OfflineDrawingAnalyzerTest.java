package io.mocplatform.processor.adapters.offline;

import io.mocplatform.processor.domain.Analysis;
import io.mocplatform.processor.domain.AnalysisInput;
import io.mocplatform.processor.domain.Deadline;
import io.mocplatform.processor.domain.Component;
import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.TextLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OfflineDrawingAnalyzerTest {

    private final OfflineDrawingAnalyzer analyzer = new OfflineDrawingAnalyzer();

    @Test
    void shouldCountEachTagOnce_withEveryPageItAppearsOn() {
        Analysis analysis = analyze(page(1, "CR-101 DC-3A"), page(2, "CR101", "CAM12"), page(3, "CR-101"));

        assertThat(analysis.components()).extracting(Component::tag).containsExactly("CAM-12", "CR-101", "DC-3A");
        assertThat(component(analysis, "CR-101").pages()).containsExactly(1, 2, 3);
        assertThat(analysis.countsByType()).isEqualTo(Map.of("camera", 1, "card_reader", 1, "door_contact", 1));
        assertThat(analysis.analyzer()).isEqualTo("offline");
        assertThat(analysis.usage().inputTokens()).isZero();
    }

    @Test
    void shouldIgnoreLookAlikes_whenPrefixIsPartOfAWordOrNumberTooLong() {
        Analysis analysis = analyze(page(1, "DISCR-12 CR-12345 XCAM1 CR-1B2 DB-2/14 FFL +12.500 ROOM 1.1 ISO 9001"));

        assertThat(analysis.components()).isEmpty();
    }

    @Test
    void shouldKeepTagsOfUnknownCodesAsUnclassified_butNotDrawingReferences() {
        Analysis analysis = analyze(page(1, "ICE-5 CR 7 GB-101", "DWG NO. SEC-101", "SEE SEC-102 AND SEC-103",
                "REFER TO DWG CR-9"));

        assertThat(analysis.components()).extracting(Component::tag, Component::type).containsExactly(
                tuple("CR-7", "card_reader"), tuple("GB-101", "unclassified"), tuple("ICE-5", "unclassified"));
        assertThat(analysis.countsByType()).isEqualTo(Map.of("card_reader", 1));
        assertThat(analysis.unclassifiedCount()).isEqualTo(2);
    }

    @Test
    void shouldUseLegend_whenItDefinesNewPrefixesAndOverridesDefaults() {
        Analysis analysis = analyze(
                page(1, "LEGEND", "MOT\tMotion Sensor", "CR\tProximity Card Reader", "EM = Electric Strike"),
                page(2, "MOT-4 EM-1 CR-2 PIR-9"));

        assertThat(component(analysis, "MOT-4").type()).isEqualTo("motion_sensor");
        assertThat(component(analysis, "MOT-4").description()).isEqualTo("Motion Sensor");
        assertThat(component(analysis, "EM-1").type()).isEqualTo("electric_strike");
        assertThat(component(analysis, "CR-2").type()).isEqualTo("proximity_card_reader");
        assertThat(component(analysis, "PIR-9").type()).isEqualTo("motion_detector");
    }

    @Test
    void shouldReadLegendRows_whenTheyShareTheirLineWithPlanLabels() {
        Analysis analysis = analyze(
                page(1, "LEGEND", "CR-101\tDC-101\tMOT\tMotion Sensor", "ROOM 1.1\tROOM 1.2\tEX\tExit Sign",
                        "NOTE: ALL DEVICES TO BE LABELLED", "MOT-4 EX-2 DC-101"));

        assertThat(component(analysis, "MOT-4").type()).isEqualTo("motion_sensor");
        assertThat(component(analysis, "EX-2").type()).isEqualTo("exit_sign");
        assertThat(analysis.components()).extracting(Component::tag).containsExactly("CR-101", "DC-101", "EX-2",
                "MOT-4");
    }

    @Test
    void shouldNotReadTableRowsAsLegend_whenNoLegendHeadingPrecedesThem() {
        Analysis analysis = analyze(page(1, "KP\tSomething Else", "KP-1"));

        assertThat(component(analysis, "KP-1").type()).isEqualTo("keypad");
    }

    private Analysis analyze(PageText... pages) {
        return analyzer.analyze(new AnalysisInput("job_1", List.of(pages), page -> new byte[0],
                Deadline.none()));
    }

    private static PageText page(int number, String... lines) {
        return new PageText(number, java.util.Arrays.stream(lines)
                .map(text -> new TextLine(text, 0, 0, 10, 10, 0)).toList());
    }

    private static Component component(Analysis analysis, String tag) {
        return analysis.components().stream().filter(c -> c.tag().equals(tag)).findFirst().orElseThrow();
    }
}
