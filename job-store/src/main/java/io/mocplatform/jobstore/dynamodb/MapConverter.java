package io.mocplatform.jobstore.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.function.Function;

/** Stores a small value record as a DynamoDB map, with explicit (snake_case) attribute names. */
final class MapConverter<T> implements AttributeConverter<T> {

    private final Class<T> type;
    private final Function<T, Map<String, AttributeValue>> write;
    private final Function<Map<String, AttributeValue>, T> read;

    MapConverter(Class<T> type, Function<T, Map<String, AttributeValue>> write,
                 Function<Map<String, AttributeValue>, T> read) {
        this.type = type;
        this.write = write;
        this.read = read;
    }

    @Override
    public AttributeValue transformFrom(T input) {
        return AttributeValue.fromM(write.apply(input));
    }

    @Override
    public T transformTo(AttributeValue input) {
        return input.hasM() ? read.apply(input.m()) : null;
    }

    @Override
    public EnhancedType<T> type() {
        return EnhancedType.of(type);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.M;
    }
}
