package io.mocplatform.devstack.lambda.host;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.BiFunction;

/**
 * Runs inside one function's own class loader (the devstack defines this class there), so everything it touches
 * is the function's own Micronaut, serde and handler. It talks to the devstack only through JDK types and the
 * shared Lambda runtime interfaces: event JSON and a {@link Context} in, response JSON out.
 *
 * <p>What it does mirrors the Lambda Java runtime: the handler's input type comes from its
 * {@code RequestHandler<I, O>} type argument, and events are read and responses written by the
 * {@link CustomPojoSerializer} the function ships (micronaut-aws's serde one), found with {@link ServiceLoader} as
 * the runtime finds it. The one difference is construction: the handler gets an application context whose only
 * environment variables are the ones Terraform sets, plus the endpoint overrides that aim its SDK clients at the
 * emulators. That context is built by the same builder as the one the handler's no-argument constructor starts in
 * Lambda ({@link #lambdaContextBuilder}), so a lazy API context stays lazy here and a bean that fails only at its
 * first use fails here too.
 *
 * <p>Must depend on nothing else of the devstack: an ArchUnit test keeps it that way.
 */
public final class FunctionHost implements BiFunction<byte[], Context, byte[]>, AutoCloseable {

    /** Same rank as Micronaut's own environment-variable source, which it replaces. */
    private static final int ENVIRONMENT_POSITION = -200;
    /** Above system properties and application.properties: the emulators win over any endpoint a function sets. */
    private static final int OVERRIDE_POSITION = -50;

    private final ClassLoader functionLoader;
    private final ApplicationContext context;
    private final Object handler;
    private final HandlerInvoker invoker;

    /**
     * @param handlerClass the handler class named in the platform contract
     * @param environment  the function's environment variables, as Lambda would set them
     * @param overrides    Micronaut properties that point the function's SDK clients at the emulators
     */
    public FunctionHost(String handlerClass, Map<String, String> environment, Map<String, Object> overrides) {
        this.functionLoader = FunctionHost.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(functionLoader);
        ApplicationContext started = null;
        try {
            Class<?> type = Class.forName(handlerClass, true, functionLoader);
            ApplicationContextBuilder builder = lambdaContextBuilder(type)
                    .classLoader(functionLoader)
                    // The JVM's real environment belongs to the devstack, not to this function.
                    .environmentPropertySource(false)
                    .propertySources(
                            source("lambda-environment", new LinkedHashMap<>(environment),
                                    PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE, ENVIRONMENT_POSITION),
                            source("devstack-endpoints", new LinkedHashMap<>(overrides),
                                    PropertySource.PropertyConvention.JAVA_PROPERTIES, OVERRIDE_POSITION));
            started = builder.build().start();
            this.context = started;
            this.handler = construct(type, started);
            this.invoker = HandlerInvoker.of(handler, serializer(), started);
        } catch (RuntimeException | Error e) {
            if (started != null) {
                started.close();
            }
            throw e;
        } catch (ReflectiveOperationException e) {
            if (started != null) {
                started.close();
            }
            throw new IllegalStateException("cannot load handler " + handlerClass + ": " + rootMessage(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public byte[] apply(byte[] event, Context lambdaContext) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(functionLoader);
        try {
            return invoker.invoke(event, lambdaContext);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (handler instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } finally {
            if (context.isRunning()) {
                context.close();
            }
        }
    }

    /**
     * The builder of the context the handler starts in Lambda. An API handler (the APIs' {@code ApiFunction})
     * declares its lazy one as {@code public static ApplicationContextBuilder lambdaContextBuilder()}; the other
     * handlers extend {@code MicronautRequestHandler}, whose no-argument constructor uses micronaut-aws's
     * {@link LambdaApplicationContextBuilder}.
     */
    private static ApplicationContextBuilder lambdaContextBuilder(Class<?> handler)
            throws ReflectiveOperationException {
        Method declared;
        try {
            declared = handler.getMethod("lambdaContextBuilder");
        } catch (NoSuchMethodException none) {
            return new LambdaApplicationContextBuilder();
        }
        if (!Modifier.isStatic(declared.getModifiers())
                || !ApplicationContextBuilder.class.isAssignableFrom(declared.getReturnType())) {
            throw new IllegalStateException(handler.getName() + ".lambdaContextBuilder() must be static and return"
                    + " an ApplicationContextBuilder: the devstack starts the handler's context with it");
        }
        return (ApplicationContextBuilder) declared.invoke(null);
    }

    private static PropertySource source(String name, Map<String, Object> values,
                                         PropertySource.PropertyConvention convention, int order) {
        return new MapPropertySource(name, values) {
            @Override
            public PropertyConvention getConvention() {
                return convention;
            }

            @Override
            public int getOrder() {
                return order;
            }
        };
    }

    private static Object construct(Class<?> type, ApplicationContext context) throws ReflectiveOperationException {
        try {
            Constructor<?> withContext = type.getConstructor(ApplicationContext.class);
            return withContext.newInstance(context);
        } catch (NoSuchMethodException noContextConstructor) {
            throw new IllegalStateException(type.getName() + " has no public constructor taking an ApplicationContext;"
                    + " the house rules ask every handler for one so that it can be run with a given configuration");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getName() + " failed to start: " + rootMessage(e), e.getCause());
        }
    }

    /** The serializer the Lambda runtime would use: the first one the function's class path declares. */
    private CustomPojoSerializer serializer() {
        return ServiceLoader.load(CustomPojoSerializer.class, functionLoader).findFirst().orElse(null);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Calls one handler the way its interface asks. */
    private interface HandlerInvoker {

        byte[] invoke(byte[] event, Context context);

        static HandlerInvoker of(Object handler, CustomPojoSerializer serializer, ApplicationContext context) {
            if (handler instanceof RequestStreamHandler stream) {
                return (event, lambdaContext) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try {
                        stream.handleRequest(new ByteArrayInputStream(event), out, lambdaContext);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return out.toByteArray();
                };
            }
            if (handler instanceof RequestHandler<?, ?>) {
                java.lang.reflect.Type input = HandlerTypes.inputType(handler.getClass());
                java.lang.reflect.Type output = HandlerTypes.outputType(handler.getClass());
                EventCodec codec = serializer != null ? EventCodec.of(serializer) : EventCodec.of(context);
                Method method = handleRequest(handler.getClass());
                return (event, lambdaContext) -> {
                    Object request = codec.read(event, input);
                    Object response;
                    try {
                        response = method.invoke(handler, request, lambdaContext);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    } catch (InvocationTargetException e) {
                        if (e.getCause() instanceof RuntimeException runtime) {
                            throw runtime;
                        }
                        if (e.getCause() instanceof Error error) {
                            throw error;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                    return response == null ? "null".getBytes() : codec.write(response, output);
                };
            }
            throw new IllegalStateException(handler.getClass().getName()
                    + " implements neither RequestHandler nor RequestStreamHandler");
        }

        private static Method handleRequest(Class<?> type) {
            try {
                return RequestHandler.class.getMethod("handleRequest", Object.class, Context.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no handleRequest", e);
            }
        }
    }
}
