package io.mocplatform.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec("test-secret");
    private final Map<String, String> key = Map.of("PK", "IMAGE#img_1", "GSI1SK", "UPLOADED#2026-11-23T10:00:00Z#img_1");

    @Test
    void shouldRoundTripTheKey_whenDecodedInTheSameScope() {
        String cursor = codec.encode(key, "alice|images").orElseThrow();
        assertThat(codec.decode(cursor, "alice|images")).isEqualTo(key);
    }

    @Test
    void shouldIssueNoCursor_whenThereIsNoNextPage() {
        assertThat(codec.encode(Map.of(), "alice|images")).isEmpty();
        assertThat(codec.encode(null, "alice|images")).isEmpty();
    }

    @Test
    void shouldRejectTheCursor_whenUsedByAnotherCallerOrEdited() {
        String cursor = codec.encode(key, "alice|images").orElseThrow();
        assertThatThrownBy(() -> codec.decode(cursor, "bob|images"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.slug()).isEqualTo("invalid_cursor"));
        String edited = "A" + cursor.substring(1);
        assertThatThrownBy(() -> codec.decode(edited, "alice|images")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode("not a cursor!", "alice|images")).isInstanceOf(ProblemException.class);
    }
}
