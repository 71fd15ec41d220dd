package io.mocplatform.devstack.lambda;

import io.mocplatform.devstack.lambda.host.FunctionHost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * One function's class loader, as the Lambda runtime builds it: the jars of the function's zip on top of the JDK,
 * sharing with the host JVM only the Lambda runtime interfaces ({@code com.amazonaws.services.lambda.runtime},
 * without {@code .events}, which every function ships itself). Nothing else of the devstack or of the other
 * functions is visible, so a missing dependency fails here as it would in Lambda.
 *
 * <p>The devstack's {@link FunctionHost} is defined inside this loader, from the devstack's own class files, so that
 * it links against the function's Micronaut.
 */
final class FunctionClassLoader extends URLClassLoader {

    static final String RUNTIME_PACKAGE = "com.amazonaws.services.lambda.runtime.";
    private static final String EVENTS_PACKAGE = RUNTIME_PACKAGE + "events.";
    private static final String HOST_PACKAGE = FunctionHost.class.getPackageName() + ".";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader runtime;

    FunctionClassLoader(String function, URL[] jars, ClassLoader runtime) {
        super("function:" + function, jars, ClassLoader.getPlatformClassLoader());
        this.runtime = runtime;
    }

    /** Whether the Lambda runtime provides this class to every function rather than the function itself. */
    static boolean isSharedRuntimeClass(String name) {
        return name.startsWith(RUNTIME_PACKAGE) && !name.startsWith(EVENTS_PACKAGE);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (name.startsWith(HOST_PACKAGE)) {
                    loaded = defineHostClass(name);
                } else if (isSharedRuntimeClass(name)) {
                    loaded = sharedOrOwn(name);
                } else {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> sharedOrOwn(String name) throws ClassNotFoundException {
        try {
            return runtime.loadClass(name);
        } catch (ClassNotFoundException notInTheRuntime) {
            // e.g. aws-lambda-java-serialization: a library the function brings, not part of the runtime API.
            return findClass(name);
        }
    }

    private Class<?> defineHostClass(String name) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = FunctionHost.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
