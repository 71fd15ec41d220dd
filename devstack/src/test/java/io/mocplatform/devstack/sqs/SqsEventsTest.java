package io.mocplatform.devstack.sqs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SqsEventsTest {

    private static final Set<String> BATCH = Set.of("m1", "m2", "m3");

    @Test
    void shouldReturnTheReportedItems_whenTheResponseIsAPartialBatchResponse() {
        assertThat(SqsEvents.failedItems(bytes("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}"), BATCH))
                .containsExactly("m2");
    }

    @Test
    void shouldTreatTheBatchAsSucceeded_whenTheResponseIsEmptyOrNotAPartialBatchResponse() {
        assertThat(SqsEvents.failedItems(bytes("null"), BATCH)).isEmpty();
        assertThat(SqsEvents.failedItems(bytes("{\"batchItemFailures\":[]}"), BATCH)).isEmpty();
        // What Lambda does with a snake_case response: ignores it, so the whole batch is deleted.
        assertThat(SqsEvents.failedItems(bytes("{\"batch_item_failures\":[{\"item_identifier\":\"m2\"}]}"), BATCH))
                .isEmpty();
        assertThat(SqsEvents.looksMisnamed(bytes("{\"batch_item_failures\":[]}"))).isTrue();
    }

    @Test
    void shouldFailTheWholeBatch_whenAnItemIdentifierIsEmptyOrUnknown() {
        assertThat(SqsEvents.failedItems(bytes("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}"), BATCH)).isNull();
        assertThat(SqsEvents.failedItems(bytes("{\"batchItemFailures\":[{\"itemIdentifier\":\"zz\"}]}"), BATCH)).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
