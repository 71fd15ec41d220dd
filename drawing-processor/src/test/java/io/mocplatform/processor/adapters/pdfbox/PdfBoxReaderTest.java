package io.mocplatform.processor.adapters.pdfbox;

import io.mocplatform.processor.domain.DrawingRejectedException;
import io.mocplatform.processor.domain.FailureType;
import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.TextLine;
import io.mocplatform.processor.domain.port.PdfReader;
import io.mocplatform.processor.sample.SampleDrawings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            byte[] png = pdf.renderPng(SampleDrawings.IMAGE_ONLY_PAGE, 72);
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
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
