package io.mocplatform.testkit.sns;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryRequestTest {

    @Test
    void shouldReadFlattenedMessageAttributes_asTheSdkWritesThem() {
        QueryRequest request = QueryRequest.parse(null, "Action=Publish&Message=hi%20there"
                + "&MessageAttributes.entry.1.Name=severity&MessageAttributes.entry.1.Value.DataType=String"
                + "&MessageAttributes.entry.1.Value.StringValue=high"
                + "&MessageAttributes.entry.2.Name=blob&MessageAttributes.entry.2.Value.DataType=Binary"
                + "&MessageAttributes.entry.2.Value.BinaryValue=AAE%3D");

        assertThat(request.action()).isEqualTo("Publish");
        assertThat(request.get("Message")).isEqualTo("hi there");
        assertThat(request.messageAttributes())
                .containsEntry("severity", new PublishedMessage.MessageAttribute("String", "high"))
                .containsEntry("blob", new PublishedMessage.MessageAttribute("Binary", "AAE="));
    }

    @Test
    void shouldReadAttributeMaps_inEntryOrder() {
        QueryRequest request = QueryRequest.parse("Action=Subscribe",
                "Attributes.entry.2.key=FilterPolicy&Attributes.entry.2.value=%7B%7D"
                        + "&Attributes.entry.1.key=RawMessageDelivery&Attributes.entry.1.value=true");

        assertThat(request.stringMap("Attributes")).containsExactly(
                java.util.Map.entry("RawMessageDelivery", "true"), java.util.Map.entry("FilterPolicy", "{}"));
    }

    @Test
    void shouldRejectMissingRequiredParameter_asInvalidParameter() {
        QueryRequest request = QueryRequest.parse(null, "Action=CreateTopic");

        assertThatThrownBy(() -> request.require("Name")).isInstanceOfSatisfying(SnsError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("InvalidParameter");
        });
    }

    @Test
    void shouldEscapeMarkup_inXmlElements() {
        assertThat(SnsXml.element("Message", "<a & 'b'>")).isEqualTo("<Message>&lt;a &amp; &apos;b&apos;&gt;</Message>");
    }
}
