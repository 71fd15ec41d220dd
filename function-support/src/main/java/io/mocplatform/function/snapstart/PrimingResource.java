package io.mocplatform.function.snapstart;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.core.order.Ordered;
import io.micronaut.crac.OrderedResource;
import io.mocplatform.function.lambda.CurrentLambdaContext;
import io.mocplatform.function.logging.LogContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Resource;
import org.crac.RestoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * The SnapStart runtime hooks of a function. micronaut-crac registers this bean with the org.crac global context
 * when the application starts; on Lambda with SnapStart the runtime then calls
 * {@link #beforeCheckpoint} once, after the init phase and before the snapshot, and {@link #afterRestore} in
 * every instance restored from it. Elsewhere (an on-demand cold start, a local JVM without CRaC) neither hook runs
 * and the primers are never even created, so the ordinary cold start pays nothing for this.
 *
 * <p>Before the checkpoint every {@link Primer} runs once; one that fails is logged and the rest still run, and
 * the checkpoint goes ahead. Afterwards the synthetic state the primers left behind (the Lambda context, the MDC)
 * is cleared so that the snapshot does not carry it. After a restore every {@link RestoreHook} runs; a failing hook
 * fails the restore.
 *
 * <p>{@code snapstart.priming.enabled=false} removes the bean (for comparing restore times with and without
 * priming).
 */
@Singleton
@Requires(property = "snapstart.priming.enabled", notEquals = "false")
public class PrimingResource implements OrderedResource {

    /** Lambda stops a restore whose hooks take longer than this. */
    static final Duration RESTORE_LIMIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(PrimingResource.class);

    private final Supplier<? extends Iterable<? extends Primer>> primers;
    private final Supplier<? extends Iterable<? extends RestoreHook>> restoreHooks;
    private final CurrentLambdaContext lambdaContext;
    private volatile PrimingReport lastReport = PrimingReport.NONE;

    /**
     * The bean: primers and hooks are looked up only when a hook runs, so that creating this resource at start-up
     * (which micronaut-crac always does) does not create them.
     */
    @Inject
    public PrimingResource(BeanProvider<Primer> primers, BeanProvider<RestoreHook> restoreHooks,
                           CurrentLambdaContext lambdaContext) {
        this(() -> primers, () -> restoreHooks, lambdaContext);
    }

    /** For callers outside dependency injection (tests, a hand-written handler). */
    public PrimingResource(Supplier<? extends Iterable<? extends Primer>> primers,
                           Supplier<? extends Iterable<? extends RestoreHook>> restoreHooks,
                           CurrentLambdaContext lambdaContext) {
        this.primers = primers;
        this.restoreHooks = restoreHooks;
        this.lambdaContext = lambdaContext;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        List<PrimingReport.Step> steps = new ArrayList<>();
        for (Primer primer : ordered(primers.get())) {
            steps.add(run(primer));
        }
        forgetSyntheticInvocation();
        PrimingReport report = new PrimingReport(steps);
        lastReport = report;
        LOG.info("snapstart priming done: {} primers, {} failed, {} ms", report.steps().size(), report.failures(),
                report.total().toMillis());
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws RestoreException {
        long started = System.nanoTime();
        for (RestoreHook hook : ordered(restoreHooks.get())) {
            try {
                hook.afterRestore();
            } catch (Exception e) {
                LOG.error("restore hook {} failed; the restore is abandoned", hook.name(), e);
                RestoreException failure = new RestoreException();
                failure.addSuppressed(e);
                throw failure;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (took.compareTo(RESTORE_LIMIT.dividedBy(2)) > 0) {
            LOG.warn("restore hooks took {} ms of the {} s Lambda allows", took.toMillis(), RESTORE_LIMIT.toSeconds());
        } else {
            LOG.info("snapstart restore hooks done in {} ms", took.toMillis());
        }
    }

    /** What the last {@link #beforeCheckpoint} did; {@link PrimingReport#NONE} before the first one. */
    public PrimingReport lastReport() {
        return lastReport;
    }

    /**
     * Registered first, so the runtime (which calls checkpoint hooks in reverse order of registration) primes
     * after every other resource has prepared for the checkpoint, and refreshes before the others after a restore.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private PrimingReport.Step run(Primer primer) {
        long started = System.nanoTime();
        Optional<Throwable> error = Optional.empty();
        try {
            primer.prime();
        } catch (Exception | LinkageError e) {
            // A class that fails to link during priming would fail the first real request as well; it is logged
            // here and the checkpoint goes on, so the function keeps the behaviour it would have had without it.
            error = Optional.of(e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        error.ifPresentOrElse(
                e -> LOG.warn("primer {} failed after {} ms; the snapshot is taken without it", primer.name(),
                        took.toMillis(), e),
                () -> LOG.info("primer {} done in {} ms", primer.name(), took.toMillis()));
        return new PrimingReport.Step(primer.name(), took, error);
    }

    private void forgetSyntheticInvocation() {
        // A primer that went through the handler left its fake Lambda context and log fields behind; the real
        // first invocation replaces both, but the snapshot should not carry them in between.
        lambdaContext.registerSingletons(null);
        MDC.clear();
        LogContext.markNextInvocationCold();
    }

    private static <T> List<T> ordered(Iterable<? extends T> beans) {
        List<T> list = new ArrayList<>();
        StreamSupport.stream(beans.spliterator(), false).forEach(list::add);
        OrderUtil.sort(list);
        return list;
    }
}
