package io.mocplatform.imageapi.adapters.metadata;

import io.mocplatform.imageapi.domain.ImageFormat;
import io.mocplatform.imageapi.domain.port.ImageHeaderReader.Dimensions;
import io.mocplatform.imageapi.support.TestImages;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderOnlyDimensionsReaderTest {

    private final HeaderOnlyDimensionsReader reader = new HeaderOnlyDimensionsReader();

    @Test
    void shouldReadDimensionsOfEveryAcceptedFormat() {
        assertThat(reader.dimensions(TestImages.png(31, 17), ImageFormat.PNG)).contains(new Dimensions(31, 17));
        assertThat(reader.dimensions(TestImages.jpeg(64, 9), ImageFormat.JPEG)).contains(new Dimensions(64, 9));
        assertThat(reader.dimensions(TestImages.gif(5, 70), ImageFormat.GIF)).contains(new Dimensions(5, 70));
        assertThat(reader.dimensions(TestImages.webp(1000, 3), ImageFormat.WEBP)).contains(new Dimensions(1000, 3));
    }

    @Test
    void shouldReadDimensionsFromTheLeadingBytesOnly_asForObjectsLargerThanTheHeaderWindow() {
        assertThat(reader.dimensions(Arrays.copyOf(TestImages.png(300, 200), 64), ImageFormat.PNG))
                .contains(new Dimensions(300, 200));
        byte[] jpeg = TestImages.jpeg(300, 200);
        assertThat(reader.dimensions(Arrays.copyOf(jpeg, jpeg.length / 2), ImageFormat.JPEG))
                .contains(new Dimensions(300, 200));
        byte[] gif = TestImages.gif(300, 200);
        assertThat(reader.dimensions(Arrays.copyOf(gif, gif.length / 2), ImageFormat.GIF))
                .contains(new Dimensions(300, 200));
        assertThat(reader.dimensions(Arrays.copyOf(TestImages.webp(300, 200), 40), ImageFormat.WEBP))
                .contains(new Dimensions(300, 200));
    }

    @Test
    void shouldYieldNothing_whenTheBytesAreNotAnImage() {
        assertThat(reader.dimensions(TestImages.text(), ImageFormat.PNG)).isEmpty();
        assertThat(reader.dimensions(TestImages.text(), ImageFormat.JPEG)).isEmpty();
        assertThat(reader.dimensions(new byte[0], ImageFormat.WEBP)).isEmpty();
    }
}
