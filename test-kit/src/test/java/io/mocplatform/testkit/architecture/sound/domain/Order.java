package io.mocplatform.testkit.architecture.sound.domain;

/** A domain record that knows nothing outside the domain. */
public record Order(String id) {
}
