package io.mocplatform.jobstore.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/** Small helpers to read and write the attribute values of nested maps. */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return value == null ? nul() : AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue n(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    static String string(Map<String, AttributeValue> map, String key) {
        AttributeValue value = map.get(key);
        return value == null || Boolean.TRUE.equals(value.nul()) ? null : value.s();
    }

    static long longValue(Map<String, AttributeValue> map, String key) {
        AttributeValue value = map.get(key);
        return value == null || value.n() == null ? 0L : Long.parseLong(value.n());
    }

    static double doubleValue(Map<String, AttributeValue> map, String key) {
        AttributeValue value = map.get(key);
        return value == null || value.n() == null ? 0.0 : Double.parseDouble(value.n());
    }

    static boolean bool(Map<String, AttributeValue> map, String key) {
        AttributeValue value = map.get(key);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static Instant instant(Map<String, AttributeValue> map, String key) {
        String text = string(map, key);
        return text == null ? null : Instant.parse(text);
    }
}
