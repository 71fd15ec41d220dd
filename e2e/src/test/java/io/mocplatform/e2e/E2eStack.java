package io.mocplatform.e2e;

import io.mocplatform.devstack.DevStack;
import io.mocplatform.devstack.Stack;
import io.mocplatform.devstack.StackOptions;
import io.mocplatform.devstack.gateway.RouteThrottle;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

/**
 * Gives each E2E test its {@link E2eTarget}: the stack {@code E2E_BASE_URL} names, or else one devstack started
 * for the whole run on free ports in a temporary directory, with tokens from its local issuer, stopped when the
 * run ends.
 */
final class E2eStack implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == E2eTarget.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(E2eStack.class))
                .getOrComputeIfAbsent("target", key -> E2eTarget.fromEnvironment(System.getenv())
                        .map(Resource::new).orElseGet(Resource::localDevstack), Resource.class).target();
    }

    /** The target, and the local stack behind it when there is one (closed at the end of the run). */
    private record Resource(E2eTarget target, Stack stack, Path dataDir)
            implements AutoCloseable {

        Resource(E2eTarget target) {
            this(target, null, null);
        }

        static Resource localDevstack() {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("e2e-devstack-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Stack stack = Stack.start(StackOptions.defaults().withPort(0).withDataDir(dataDir),
                    DevStack.console(false));
            if (!stack.unavailableFunctions().isEmpty()) {
                stack.close();
                throw new IllegalStateException("the devstack's functions did not start: "
                        + stack.unavailableFunctions());
            }
            E2eTarget target = new E2eTarget(stack.apiBaseUrl(), stack.apiBaseUrl(),
                    stack.tokens().issue("e2e-user", Duration.ofHours(2), Map.of("email", "e2e@example.com")),
                    stack.tokens().issue("e2e-other-user", Duration.ofHours(2), Map.of()),
                    RouteThrottle.Limits.TERRAFORM_DEFAULT.burstLimit(),
                    "a devstack started for this run at " + stack.apiBaseUrl());
            return new Resource(target, stack, dataDir);
        }

        @Override
        public void close() throws IOException {
            if (stack == null) {
                return;
            }
            stack.close();
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
