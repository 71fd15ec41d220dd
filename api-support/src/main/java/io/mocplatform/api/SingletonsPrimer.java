package io.mocplatform.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.inject.BeanDefinition;
import io.mocplatform.function.snapstart.Primer;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Before the SnapStart snapshot, creates every singleton that {@link ApiFunction}'s lazy context left for first
 * use (the SDK clients, the presigner, the services), so that a restored function holds them, as it did when the
 * context created them all at start. Runs before the other primers, so that {@link RoutePrimer} then finds the
 * request path's beans in place. Creates and calls nothing else: no request is made.
 */
@Singleton
@Requires(property = "api.priming.path")
public class SingletonsPrimer implements Primer, Ordered {

    private final ApplicationContext context;

    public SingletonsPrimer(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void prime() {
        List<String> failed = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        for (BeanDefinition<?> definition : context.getAllBeanDefinitions()) {
            if (!definition.isSingleton()) {
                continue;
            }
            try {
                if (definition.isIterable()) {
                    context.getBeansOfType(definition.getBeanType());
                } else {
                    context.getBean(definition);
                }
            } catch (RuntimeException e) {
                // One bean that cannot be created now fails its first use later; the others still go in the snapshot.
                failed.add(definition.getBeanType().getName());
                errors.add(e);
            }
        }
        if (!failed.isEmpty()) {
            IllegalStateException failure =
                    new IllegalStateException("singletons not created before the snapshot: " + failed);
            errors.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
