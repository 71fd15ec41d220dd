package io.mocplatform.devstack.lambda.host;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/** Reads events into the handler's input type and writes its response, with the function's own JSON stack. */
interface EventCodec {

    Object read(byte[] json, Type type);

    byte[] write(Object value, Type type);

    /** What the Lambda runtime uses when the function ships a {@link CustomPojoSerializer}. */
    static EventCodec of(CustomPojoSerializer serializer) {
        return new EventCodec() {
            @Override
            public Object read(byte[] json, Type type) {
                return serializer.fromJson(new ByteArrayInputStream(json), type);
            }

            @Override
            public byte[] write(Object value, Type type) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                serializer.toJson(value, out, type);
                return out.toByteArray();
            }
        };
    }

    /** Otherwise the function's own serde {@link JsonMapper} bean. */
    static EventCodec of(ApplicationContext context) {
        JsonMapper mapper = context.getBean(JsonMapper.class);
        return new EventCodec() {
            @Override
            public Object read(byte[] json, Type type) {
                try {
                    return mapper.readValue(json, Argument.of(type));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public byte[] write(Object value, Type type) {
                try {
                    return mapper.writeValueAsBytes(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
