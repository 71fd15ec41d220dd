package io.mocplatform.jobstore.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.function.Function;

/** Stores an enum under its wire name ({@code pending_upload}), so the table reads like the API. */
final class WireNameConverter<E extends Enum<E>> implements AttributeConverter<E> {

    private final Class<E> type;
    private final Function<E, String> wireName;
    private final Function<String, E> parse;

    WireNameConverter(Class<E> type, Function<E, String> wireName, Function<String, E> parse) {
        this.type = type;
        this.wireName = wireName;
        this.parse = parse;
    }

    @Override
    public AttributeValue transformFrom(E input) {
        return AttributeValue.fromS(wireName.apply(input));
    }

    @Override
    public E transformTo(AttributeValue input) {
        return input.s() == null ? null : parse.apply(input.s());
    }

    @Override
    public EnhancedType<E> type() {
        return EnhancedType.of(type);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.S;
    }
}
