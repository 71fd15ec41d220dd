package io.mocplatform.devstack.lambda.host;

import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.lang.reflect.Type;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the {@code I} and {@code O} of a handler's {@code RequestHandler<I, O>}, following type variables through
 * generic superclasses ({@code MyHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse>}), as the
 * Lambda runtime does to know what to deserialize the event into.
 */
final class HandlerTypes {

    private HandlerTypes() {
    }

    static Type inputType(Class<?> handler) {
        return argument(handler, 0);
    }

    static Type outputType(Class<?> handler) {
        return argument(handler, 1);
    }

    private static Type argument(Class<?> handler, int index) {
        Type found = search(handler, new HashMap<>(), index);
        return found == null ? Object.class : found;
    }

    private static Type search(Type type, Map<TypeVariable<?>, Type> bindings, int index) {
        Class<?> raw;
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            Map<TypeVariable<?>, Type> next = new HashMap<>(bindings);
            for (int i = 0; i < variables.length; i++) {
                next.put(variables[i], resolve(arguments[i], bindings));
            }
            bindings = next;
            if (raw == RequestHandler.class) {
                Type argument = bindings.get(variables[index]);
                return argument instanceof TypeVariable<?> ? null : argument;
            }
        } else if (type instanceof Class<?> cls) {
            raw = cls;
        } else {
            return null;
        }
        for (Type candidate : raw.getGenericInterfaces()) {
            Type found = search(candidate, bindings, index);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : search(superclass, bindings, index);
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        return type instanceof TypeVariable<?> variable ? bindings.getOrDefault(variable, variable) : type;
    }
}
