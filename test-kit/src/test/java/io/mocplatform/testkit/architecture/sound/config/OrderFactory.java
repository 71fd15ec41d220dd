package io.mocplatform.testkit.architecture.sound.config;

import io.micronaut.context.annotation.Factory;

/** The module's wiring, named as the table says. */
@Factory
class OrderFactory {
}
