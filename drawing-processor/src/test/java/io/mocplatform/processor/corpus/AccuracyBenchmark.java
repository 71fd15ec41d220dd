package io.mocplatform.processor.corpus;

import io.mocplatform.fixtures.drawings.CadCorpus;
import io.mocplatform.fixtures.drawings.CorpusDrawing;
import io.mocplatform.fixtures.drawings.ExpectedDevice;
import io.mocplatform.processor.domain.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision and recall of the offline analyser per device type over the CAD-style corpus. A found row is right
 * when its tag, type and pages all match an expected row; precision counts found rows per type that are right,
 * recall expected rows per type that were found. Not a test: run it by hand (module README).
 */
public final class AccuracyBenchmark {

    private AccuracyBenchmark() {
    }

    public static void main(String[] args) {
        Map<String, int[]> byType = new TreeMap<>();
        int drawings = 0;
        List<String> misses = new java.util.ArrayList<>();
        try (CorpusRun run = new CorpusRun()) {
            for (CorpusDrawing drawing : CadCorpus.all()) {
                drawings++;
                Set<ExpectedDevice> expected = new HashSet<>(drawing.expected());
                Set<ExpectedDevice> found = new HashSet<>();
                for (Component c : run.analyze(drawing).components()) {
                    found.add(new ExpectedDevice(c.tag(), c.type(), c.pages()));
                }
                for (ExpectedDevice row : found) {
                    int[] counts = byType.computeIfAbsent(row.type(), t -> new int[3]);
                    counts[0]++;
                    if (expected.contains(row)) {
                        counts[1]++;
                    } else {
                        misses.add(drawing.name() + ": found " + row);
                    }
                }
                for (ExpectedDevice row : expected) {
                    byType.computeIfAbsent(row.type(), t -> new int[3])[2]++;
                    if (!found.contains(row)) {
                        misses.add(drawing.name() + ": missed " + row);
                    }
                }
            }
        }
        System.out.printf("offline analyser over %d corpus drawings%n", drawings);
        System.out.printf("%-28s %6s %6s %8s %10s %8s%n", "type", "found", "right", "expected", "precision",
                "recall");
        int found = 0;
        int right = 0;
        int expected = 0;
        for (var entry : byType.entrySet()) {
            int[] c = entry.getValue();
            found += c[0];
            right += c[1];
            expected += c[2];
            System.out.printf("%-28s %6d %6d %8d %9.1f%% %7.1f%%%n", entry.getKey(), c[0], c[1], c[2],
                    percent(c[1], c[0]), percent(c[1], c[2]));
        }
        System.out.printf("%-28s %6d %6d %8d %9.1f%% %7.1f%%%n", "all", found, right, expected,
                percent(right, found), percent(right, expected));
        misses.forEach(miss -> System.out.println("  " + miss));
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 100.0 : 100.0 * part / whole;
    }
}
