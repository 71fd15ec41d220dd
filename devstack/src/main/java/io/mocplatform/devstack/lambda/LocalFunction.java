package io.mocplatform.devstack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.mocplatform.devstack.lambda.host.FunctionHost;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * One function as Lambda runs it with a single execution environment: its own class loader built from its zip,
 * its own application context, one invocation at a time, a {@link Context} with a real deadline. An invocation
 * that outlives the deadline is abandoned and the environment is thrown away, so the next invocation starts cold,
 * as in Lambda.
 */
public final class LocalFunction implements AutoCloseable {

    /** Time to let a timed-out invocation notice its interrupt before the environment is dropped anyway. */
    private static final Duration DISCARD_GRACE = Duration.ofSeconds(2);

    private final FunctionSettings settings;
    private final FunctionArtifacts artifacts;
    private final Clock clock;
    private final Consumer<String> events;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private Environment environment;
    private volatile String initFailure;
    /** The invocation running now, for {@link #crash()}. */
    private volatile Future<byte[]> running;
    private volatile boolean crashed;

    /**
     * @param events receives one readable line per lifecycle event (cold start, failure, timeout)
     */
    public LocalFunction(FunctionSettings settings, FunctionArtifacts artifacts, Clock clock, Consumer<String> events) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    public FunctionSettings settings() {
        return settings;
    }

    public String name() {
        return settings.name();
    }

    /** Starts the execution environment now instead of at the first invocation; false when it cannot start. */
    public boolean warmUp() {
        oneAtATime.lock();
        try {
            return environment() != null;
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Why the last start failed, if it did. */
    public String initFailure() {
        return initFailure;
    }

    /** Runs the function on one event (JSON) and waits for it, at most until the deadline. */
    public InvocationResult invoke(byte[] event) {
        String requestId = UUID.randomUUID().toString();
        long begin = System.nanoTime();
        oneAtATime.lock();
        try {
            Environment current = environment();
            if (current == null) {
                return new InvocationResult(requestId, InvocationResult.Status.INIT_FAILED, new byte[0],
                        initFailure, elapsed(begin));
            }
            DeadlineContext context = new DeadlineContext(settings, requestId, clock);
            Future<byte[]> call = current.executor.submit(() -> current.host.apply(event, context));
            running = call;
            try {
                byte[] payload = call.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
                return new InvocationResult(requestId, InvocationResult.Status.OK, payload, null, elapsed(begin));
            } catch (TimeoutException e) {
                call.cancel(true);
                discard(current);
                String message = "Task timed out after %.2f seconds".formatted(settings.timeout().toMillis() / 1000.0);
                events.accept(settings.name() + " " + requestId + " " + message);
                return new InvocationResult(requestId, InvocationResult.Status.TIMED_OUT, new byte[0], message,
                        elapsed(begin));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String error = cause.getClass().getName() + ": " + cause.getMessage();
                events.accept(settings.name() + " " + requestId + " function error " + error);
                cause.printStackTrace(System.out);
                return new InvocationResult(requestId, InvocationResult.Status.FUNCTION_ERROR, new byte[0], error,
                        elapsed(begin));
            } catch (CancellationException e) {
                if (!crashed) {
                    throw e;
                }
                crashed = false;
                discard(current);
                String message = "Runtime exited: the execution environment was killed (crash)";
                events.accept(settings.name() + " " + requestId + " " + message);
                return new InvocationResult(requestId, InvocationResult.Status.FUNCTION_ERROR, new byte[0],
                        "Runtime.ExitError: " + message, elapsed(begin));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel(true);
                return new InvocationResult(requestId, InvocationResult.Status.FUNCTION_ERROR, new byte[0],
                        "invocation interrupted", elapsed(begin));
            } finally {
                running = null;
            }
        } finally {
            oneAtATime.unlock();
        }
    }

    /**
     * Kills the execution environment in the middle of the invocation it is running, as an out-of-memory kill or
     * {@code kill -9} of the runtime would: the invocation ends with {@code Runtime.ExitError}, its work is
     * interrupted and its environment dropped (its SDK clients closed under it), and the next invocation starts
     * cold. For
     * tests; false when no invocation is running.
     */
    public boolean crash() {
        Future<byte[]> call = running;
        if (call == null || call.isDone()) {
            return false;
        }
        crashed = true;
        if (!call.cancel(true)) {
            crashed = false;
            return false;
        }
        return true;
    }

    /**
     * Closes the execution environment. An invocation still running is abandoned as Lambda abandons one at a
     * shutdown: neither interrupted nor waited for, its environment left as it is (its threads are daemons).
     */
    @Override
    public void close() {
        if (!oneAtATime.tryLock()) {
            events.accept(settings.name() + " stopped with an invocation still running: abandoned");
            return;
        }
        try {
            if (environment != null) {
                environment.close();
                environment = null;
            }
        } finally {
            oneAtATime.unlock();
        }
    }

    /** The running environment, started if needed; null (with {@link #initFailure}) when it cannot start. */
    private Environment environment() {
        if (environment == null) {
            long begin = System.nanoTime();
            try {
                environment = Environment.start(settings, artifacts.classPathOf(settings.name()));
                initFailure = null;
                events.accept(settings.name() + " started (cold start " + elapsed(begin).toMillis() + " ms)");
            } catch (RuntimeException e) {
                initFailure = describe(e);
                events.accept(settings.name() + " failed to start: " + initFailure);
            }
        }
        return environment;
    }

    private void discard(Environment timedOut) {
        environment = null;
        Thread.ofPlatform().daemon().name("discard-" + settings.name()).start(() -> {
            try {
                timedOut.executor.awaitTermination(DISCARD_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timedOut.close();
        });
    }

    private static Duration elapsed(long beginNanos) {
        return Duration.ofNanos(System.nanoTime() - beginNanos);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root instanceof InvocationTargetException || (root.getCause() != null && root.getMessage() == null)) {
            root = root.getCause();
        }
        // Micronaut's messages carry the whole injection path over many lines: the first line says what failed,
        // the last "Message:" line why.
        List<String> lines = String.valueOf(root.getMessage()).lines().toList();
        String why = lines.stream().filter(l -> l.startsWith("Message: ")).reduce((a, b) -> b)
                .map(l -> " (" + l.substring("Message: ".length()) + ")").orElse("");
        return root.getClass().getSimpleName() + ": " + (lines.isEmpty() ? "" : lines.getFirst()) + why;
    }

    /** One execution environment: loader, host, and the thread invocations run on. */
    private static final class Environment implements AutoCloseable {
        private final FunctionClassLoader loader;
        private final BiFunction<byte[], Context, byte[]> host;
        private final AutoCloseable closer;
        private final ExecutorService executor;

        private Environment(FunctionClassLoader loader, BiFunction<byte[], Context, byte[]> host,
                            AutoCloseable closer, ExecutorService executor) {
            this.loader = loader;
            this.host = host;
            this.closer = closer;
            this.executor = executor;
        }

        @SuppressWarnings("unchecked")
        static Environment start(FunctionSettings settings, URL[] classPath) {
            FunctionClassLoader loader = new FunctionClassLoader(settings.name(), classPath,
                    LocalFunction.class.getClassLoader());
            ExecutorService executor = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("lambda-" + settings.name()).daemon().factory());
            try {
                Object host = executor.submit(() -> loader.loadClass(FunctionHost.class.getName())
                        .getConstructor(String.class, Map.class, Map.class)
                        .newInstance(settings.handler(), settings.environment(), settings.overrides())).get();
                return new Environment(loader, (BiFunction<byte[], Context, byte[]>) host, (AutoCloseable) host,
                        executor);
            } catch (ExecutionException e) {
                executor.shutdownNow();
                closeQuietly(loader);
                Throwable cause = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
                closeQuietly(loader);
                throw new IllegalStateException("interrupted while starting " + settings.name(), e);
            }
        }

        @Override
        public void close() {
            try {
                executor.submit(() -> {
                    closer.close();
                    return null;
                }).get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // The environment is being dropped; a context that does not close cleanly changes nothing.
            } finally {
                executor.shutdownNow();
                closeQuietly(loader);
            }
        }

        private static void closeQuietly(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Releasing jar handles only.
            }
        }
    }
}
