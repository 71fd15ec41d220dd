package io.mocplatform.jobstore.dynamodb;

import io.mocplatform.model.SortableInstants;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;

/**
 * Stores instants as fixed-width UTC text with milliseconds ({@link SortableInstants}), so that sort keys and
 * conditions compare them as text in time order. Reads accept any ISO-8601 instant.
 */
public final class SortableInstantConverter implements AttributeConverter<Instant> {

    /** The shared instance. */
    public static final SortableInstantConverter INSTANCE = new SortableInstantConverter();

    private SortableInstantConverter() {
    }

    /** Converters for a table schema: this one for instants, the SDK's defaults for everything else. */
    public static AttributeConverterProvider[] providers() {
        AttributeConverterProvider instants = new AttributeConverterProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> AttributeConverter<T> converterFor(EnhancedType<T> type) {
                return type.rawClass() == Instant.class ? (AttributeConverter<T>) INSTANCE : null;
            }
        };
        return new AttributeConverterProvider[] {instants, AttributeConverterProvider.defaultProvider()};
    }

    /** The fixed-width text of an instant, truncated to milliseconds ({@link SortableInstants}). */
    public static String format(Instant instant) {
        return SortableInstants.format(instant);
    }

    @Override
    public AttributeValue transformFrom(Instant input) {
        return AttributeValue.fromS(format(input));
    }

    @Override
    public Instant transformTo(AttributeValue input) {
        return input.s() == null ? null : Instant.parse(input.s());
    }

    @Override
    public EnhancedType<Instant> type() {
        return EnhancedType.of(Instant.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.S;
    }
}
