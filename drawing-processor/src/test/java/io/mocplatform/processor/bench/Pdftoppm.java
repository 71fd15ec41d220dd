package io.mocplatform.processor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Poppler's {@code pdftoppm}, the rendering anchor of the benchmark: {@code pdftoppm -r <dpi> file prefix} writes
 * every page as an image. Not installed by default: {@code apt-get install -y poppler-utils}.
 */
final class Pdftoppm {

    private Pdftoppm() {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("pdftoppm", "-v").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException notInstalled) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String version() throws Exception {
        if (!available()) {
            return "pdftoppm not installed (apt-get install -y poppler-utils): no pdftoppm ratio";
        }
        Process process = new ProcessBuilder("pdftoppm", "-v").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return text.lines().findFirst().orElse("pdftoppm");
    }

    /** Renders every page of {@code pdf} into a scratch directory, which is deleted afterwards. */
    static void render(byte[] pdf, int dpi) throws Exception {
        Path dir = Files.createTempDirectory("pdftoppm-");
        try {
            Path file = dir.resolve("drawing.pdf");
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdftoppm", "-r", Integer.toString(dpi), file.toString(),
                    dir.resolve("page").toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pdftoppm failed: " + output);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
