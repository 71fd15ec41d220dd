package io.mocplatform.model;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdGeneratorTest {

    private final IdGenerator ids = new IdGenerator(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldStampJobIdsWithTheClocksEpochMillis() {
        String id = ids.newJobId();
        assertThat(id).startsWith("job_1795428000000_");
        assertThat(IdGenerator.isJobId(id)).isTrue();
    }

    @Test
    void shouldNotCollide_whenManyIdsShareOneMillisecond() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.newJobId())).isTrue();
        }
    }

    @Test
    void shouldRejectMalformedIds() {
        assertThat(IdGenerator.isJobId("job_123")).isFalse();
        assertThat(IdGenerator.isJobId("job_1795428000000_ABCDEFGHIJ")).isFalse();
        assertThat(IdGenerator.isJobId("job_1795428000000_abcdefghij/../x")).isFalse();
        assertThat(IdGenerator.isJobId(null)).isFalse();
    }

    @Test
    void shouldPrefixOtherIds_andValidateThemByPrefix() {
        String drawing = ids.newId("drw");
        assertThat(IdGenerator.isId("drw", drawing)).isTrue();
        assertThat(IdGenerator.isId("img", drawing)).isFalse();
    }
}
