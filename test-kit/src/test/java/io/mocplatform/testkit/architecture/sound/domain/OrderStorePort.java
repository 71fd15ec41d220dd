package io.mocplatform.testkit.architecture.sound.domain;

/** The port the adapter implements. */
public interface OrderStorePort {

    void save(Order order);
}
