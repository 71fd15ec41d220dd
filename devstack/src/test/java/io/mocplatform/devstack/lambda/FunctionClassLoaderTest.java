package io.mocplatform.devstack.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.mocplatform.devstack.lambda.host.FunctionHost;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionClassLoaderTest {

    private final FunctionClassLoader loader = new FunctionClassLoader("test", new URL[0],
            FunctionClassLoaderTest.class.getClassLoader());

    @Test
    void shouldShareTheLambdaRuntimeInterfaces_withTheDevstack() throws Exception {
        assertThat(loader.loadClass(Context.class.getName())).isSameAs(Context.class);
    }

    @Test
    void shouldHideTheDevstacksOwnLibraries_fromTheFunction() {
        assertThatThrownBy(() -> loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> loader.loadClass("io.micronaut.context.ApplicationContext"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> loader.loadClass("io.mocplatform.testkit.LocalAws"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void shouldNotShareTheEventClasses_whichEachFunctionShips() {
        assertThat(FunctionClassLoader.isSharedRuntimeClass("com.amazonaws.services.lambda.runtime.events.SQSEvent"))
                .isFalse();
        assertThat(FunctionClassLoader.isSharedRuntimeClass("com.amazonaws.services.lambda.runtime.RequestHandler"))
                .isTrue();
    }

    @Test
    void shouldDefineItsOwnCopyOfTheHost_soItLinksAgainstTheFunctionsMicronaut() throws Exception {
        Class<?> host = loader.loadClass(FunctionHost.class.getName());

        assertThat(host).isNotSameAs(FunctionHost.class);
        assertThat(host.getClassLoader()).isSameAs(loader);
    }
}
