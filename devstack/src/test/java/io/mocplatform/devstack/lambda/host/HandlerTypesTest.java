package io.mocplatform.devstack.lambda.host;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HandlerTypesTest {

    /** Stands in for MicronautRequestHandler: the types are bound one level further down. */
    abstract static class FrameworkHandler<I, O> implements RequestHandler<I, O> {
        @Override
        public O handleRequest(I input, Context context) {
            return null;
        }
    }

    static final class QueueHandler extends FrameworkHandler<Map<String, Object>, List<String>> {
    }

    static final class DirectHandler implements RequestHandler<String, Integer> {
        @Override
        public Integer handleRequest(String input, Context context) {
            return 0;
        }
    }

    @Test
    void shouldResolveTypeArguments_throughAGenericSuperclass() {
        assertThat(HandlerTypes.inputType(QueueHandler.class).getTypeName())
                .isEqualTo("java.util.Map<java.lang.String, java.lang.Object>");
        assertThat(HandlerTypes.outputType(QueueHandler.class).getTypeName())
                .isEqualTo("java.util.List<java.lang.String>");
    }

    @Test
    void shouldResolveTypeArguments_ofADirectImplementation() {
        assertThat(HandlerTypes.inputType(DirectHandler.class)).isEqualTo(String.class);
        assertThat(HandlerTypes.outputType(DirectHandler.class)).isEqualTo(Integer.class);
    }
}
