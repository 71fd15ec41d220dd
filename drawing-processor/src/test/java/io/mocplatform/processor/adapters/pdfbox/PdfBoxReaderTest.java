package io.mocplatform.processor.adapters.pdfbox;

import io.mocplatform.fixtures.HostilePdfs;
import io.mocplatform.fixtures.SampleDrawings;
import io.mocplatform.processor.domain.DrawingRejectedException;
import io.mocplatform.processor.domain.FailureType;
import io.mocplatform.processor.domain.PageImage;
import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.TextLine;
import io.mocplatform.processor.domain.port.PdfReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfBoxReaderTest {

    private final PdfBoxReader reader = new PdfBoxReader();

    @TempDir
    Path dir;

    @Test
    void shouldExtractRotatedTagsAndLegendColumns_whenReadingAGeneratedDrawing() throws IOException {
        try (PdfReader.PdfDocument pdf = reader.open(write(SampleDrawings.drawing(4).pdf()))) {
            assertThat(pdf.pageCount()).isEqualTo(4);
            PageText cover = pdf.text(1);
            assertThat(cover.lines()).extracting(TextLine::text).contains("LEGEND", "CR\tCard Reader",
                    "EM = Electric Strike");
            PageText floor = pdf.text(2);
            assertThat(floor.lines()).filteredOn(l -> l.text().equals("DC-25A")).singleElement()
                    .satisfies(line -> assertThat(line.rotation()).isEqualTo(90));
            assertThat(floor.lines()).extracting(TextLine::text).contains("CR-21\tDC-21\tREX-21\tCAM22", "PIR-23\tMOT-24\tCR101");
        }
    }

    @Test
    void shouldReturnNoText_andStillRender_whenPageIsImageOnly() throws IOException {
        try (PdfReader.PdfDocument pdf = reader.open(write(SampleDrawings.drawing(3).pdf()))) {
            assertThat(pdf.text(SampleDrawings.IMAGE_ONLY_PAGE).lines()).isEmpty();
            PageImage image = pdf.renderPng(SampleDrawings.IMAGE_ONLY_PAGE, 72, 40_000_000);
            assertThat(image.png()).startsWith(0x89, 'P', 'N', 'G');
            assertThat(image.dpi()).isEqualTo(72);
        }
    }

    @Test
    void shouldRenderWithinThePixelLimit_andSaySo_whenThePageIsARenderBomb() throws IOException {
        // 22000 pt square: 45834 x 45834 pixels (2.1 billion) at 150 DPI, which took 2.15 GB of heap.
        try (PdfReader.PdfDocument pdf = reader.open(write(HostilePdfs.hugeMediaBox()))) {
            PageImage image = pdf.renderPng(1, 150, 4_000_000);

            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.png()));
            assertThat((long) decoded.getWidth() * decoded.getHeight()).isLessThanOrEqualTo(4_000_000);
            assertThat(decoded.getWidth()).isGreaterThan(1900);
            assertThat(image.dpi()).isEqualTo(6);
            assertThat(pdf.text(1).lines()).extracting(TextLine::text).containsExactly("CR-101 DC-101");
        }
    }

    @Test
    void shouldKeepTheConfiguredResolution_whenThePageFitsTheLimit() throws IOException {
        try (PdfReader.PdfDocument pdf = reader.open(write(SampleDrawings.drawing(1).pdf()))) {
            PageImage image = pdf.renderPng(1, 150, 40_000_000);

            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.png()));
            assertThat(image.dpi()).isEqualTo(150);
            assertThat(decoded.getWidth()).isEqualTo(2480);
        }
    }

    @Test
    void shouldRejectAsCorrupt_withOurMessage_whenThePageTreeIsCyclic() throws IOException {
        Path file = write(HostilePdfs.all().stream().filter(h -> h.name().contains("own parent")).findFirst()
                .orElseThrow().pdf());
        try (PdfReader.PdfDocument pdf = reader.open(file)) {
            // PDFBox's page iterator stops quietly at the cycle; finding the page by its index throws, so reading
            // the text fails as rendering does (the offline pipeline renders nothing).
            assertThatThrownBy(() -> pdf.text(1)).isInstanceOfSatisfying(DrawingRejectedException.class, e -> {
                assertThat(e.type()).isEqualTo(FailureType.CORRUPT_PDF);
                assertThat(e.getMessage()).isEqualTo("page 1 cannot be read");
            });
            assertThatThrownBy(() -> pdf.renderPng(1, 72, 1_000_000))
                    .isInstanceOfSatisfying(DrawingRejectedException.class, e -> {
                        assertThat(e.type()).isEqualTo(FailureType.CORRUPT_PDF);
                        assertThat(e.getMessage()).isEqualTo("page 1 cannot be rendered");
                    });
        }
    }

    @Test
    void shouldRejectAsEncrypted_whenPdfNeedsAPassword() throws IOException {
        Path file = write(SampleDrawings.encrypted());
        assertThatThrownBy(() -> reader.open(file)).isInstanceOfSatisfying(DrawingRejectedException.class,
                e -> assertThat(e.type()).isEqualTo(FailureType.ENCRYPTED_PDF));
    }

    @Test
    void shouldRejectAsCorrupt_whenBodyIsNoise() throws IOException {
        Path file = write(SampleDrawings.corrupt());
        assertThatThrownBy(() -> reader.open(file)).isInstanceOfSatisfying(DrawingRejectedException.class,
                e -> assertThat(e.type()).isEqualTo(FailureType.CORRUPT_PDF));
    }

    @Test
    void shouldRejectAsNotAPdf_whenMagicBytesAreMissing() throws IOException {
        Path file = write(SampleDrawings.notAPdf());
        assertThatThrownBy(() -> reader.open(file)).isInstanceOfSatisfying(DrawingRejectedException.class,
                e -> assertThat(e.type()).isEqualTo(FailureType.NOT_A_PDF));
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "drawing", ".pdf"), bytes);
    }
}
