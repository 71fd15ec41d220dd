package io.mocplatform.function.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LazyExecutionInterceptorTest {

    /** An interceptor that records which hooks reached it and answers each with a value of its own. */
    private static ExecutionInterceptor recording(List<String> calls) {
        return (ExecutionInterceptor) Proxy.newProxyInstance(ExecutionInterceptor.class.getClassLoader(),
                new Class<?>[] {ExecutionInterceptor.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return answerOf(method);
                });
    }

    private static Object answerOf(Method method) {
        if (method.getReturnType() == Optional.class) {
            return Optional.of(method.getName());
        }
        if (method.getReturnType() == Throwable.class) {
            return new IllegalStateException(method.getName());
        }
        return null;
    }

    @Test
    void shouldHandEveryHookToTheInterceptorItCreates_andReturnItsAnswers() throws Exception {
        List<String> calls = new ArrayList<>();
        LazyExecutionInterceptor lazy = new LazyExecutionInterceptor(() -> recording(calls));
        List<String> hooks = new ArrayList<>();

        for (Method hook : ExecutionInterceptor.class.getMethods()) {
            hooks.add(hook.getName());
            Object answer = hook.invoke(lazy, new Object[hook.getParameterCount()]);
            if (hook.getReturnType() == Optional.class) {
                assertThat(answer).as(hook.getName()).isEqualTo(Optional.of(hook.getName()));
            } else if (hook.getReturnType() == Throwable.class) {
                assertThat((Throwable) answer).as(hook.getName()).hasMessage(hook.getName());
            }
        }

        assertThat(hooks).hasSizeGreaterThanOrEqualTo(18);
        assertThat(calls).containsExactlyElementsOf(hooks);
    }

    @Test
    void shouldCreateNothingUntilTheFirstHook_andThenOnlyOnce() {
        AtomicInteger created = new AtomicInteger();
        List<String> calls = new ArrayList<>();
        LazyExecutionInterceptor lazy = new LazyExecutionInterceptor(() -> {
            created.incrementAndGet();
            return recording(calls);
        });

        assertThat(lazy.created()).isFalse();
        assertThat(created).hasValue(0);

        lazy.beforeExecution(null, null);
        lazy.afterExecution(null, null);
        lazy.beforeExecution(null, null);

        assertThat(lazy.created()).isTrue();
        assertThat(created).hasValue(1);
        assertThat(calls).containsExactly("beforeExecution", "afterExecution", "beforeExecution");
    }

    @Test
    void shouldCreateTheInterceptorOnce_whenManyRequestsStartTogether() throws Exception {
        int threads = 8;
        AtomicInteger created = new AtomicInteger();
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new CopyOnWriteArrayList<>();
        LazyExecutionInterceptor lazy = new LazyExecutionInterceptor(() -> {
            created.incrementAndGet();
            Thread creator = Thread.currentThread();
            // Hold the first creation until every other request waits for it, or (were creation not exclusive)
            // until a second one starts: either way the race has happened before the assertions.
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> created.get() > 1 || allOthersBlocked(workers, threads, creator));
            return recording(calls);
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                requests.add(pool.submit(() -> {
                    workers.add(Thread.currentThread());
                    lazy.beforeExecution(null, null);
                }));
            }
            for (Future<?> request : requests) {
                request.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(created).hasValue(1);
        assertThat(calls).hasSize(threads).containsOnly("beforeExecution");
    }

    @Test
    void shouldTryAgainAtTheNextRequest_whenCreatingTheInterceptorFailed() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> calls = new ArrayList<>();
        LazyExecutionInterceptor lazy = new LazyExecutionInterceptor(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("manifest unreadable");
            }
            return recording(calls);
        });

        assertThatThrownBy(() -> lazy.beforeExecution(null, null)).hasMessage("manifest unreadable");
        assertThat(lazy.created()).isFalse();

        lazy.beforeExecution(null, null);

        assertThat(lazy.created()).isTrue();
        assertThat(attempts).hasValue(2);
        assertThat(calls).containsExactly("beforeExecution");
    }

    private static boolean allOthersBlocked(List<Thread> workers, int threads, Thread creator) {
        return workers.size() == threads && workers.stream()
                .filter(worker -> worker != creator)
                .allMatch(worker -> worker.getState() == Thread.State.BLOCKED);
    }
}
