package io.mocplatform.testkit.architecture.broken.config;

import io.micronaut.context.annotation.Factory;

/** Breaks the naming table: a bean factory not named *Factory. */
@Factory
class Wiring {
}
