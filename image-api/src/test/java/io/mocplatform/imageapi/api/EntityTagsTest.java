package io.mocplatform.imageapi.api;

import io.mocplatform.api.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagsTest {

    @Test
    void shouldMatchIfNoneMatchWeaklyAndInLists() {
        assertThat(EntityTags.noneMatchHits("\"3\"", 3L)).isTrue();
        assertThat(EntityTags.noneMatchHits("W/\"3\"", 3L)).isTrue();
        assertThat(EntityTags.noneMatchHits("\"1\", \"3\"", 3L)).isTrue();
        assertThat(EntityTags.noneMatchHits("*", 3L)).isTrue();
        assertThat(EntityTags.noneMatchHits("\"2\"", 3L)).isFalse();
        assertThat(EntityTags.noneMatchHits("3", 3L)).isFalse();
        assertThat(EntityTags.noneMatchHits(null, 3L)).isFalse();
    }

    @Test
    void shouldRequireIfMatch_andParseOneStrongTag() {
        assertThat(EntityTags.requiredIfMatch("\"12\"")).contains(12L);
        assertThat(EntityTags.requiredIfMatch("*")).isEmpty();
        assertThatThrownBy(() -> EntityTags.requiredIfMatch(null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status().getCode()).isEqualTo(428));
        assertThatThrownBy(() -> EntityTags.requiredIfMatch("W/\"12\"")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status().getCode()).isEqualTo(412));
        assertThatThrownBy(() -> EntityTags.optionalIfMatch("\"abc\"")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status().getCode()).isEqualTo(412));
        assertThat(EntityTags.optionalIfMatch(null)).isEmpty();
    }
}
