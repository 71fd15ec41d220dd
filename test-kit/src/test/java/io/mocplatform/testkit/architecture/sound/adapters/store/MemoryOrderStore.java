package io.mocplatform.testkit.architecture.sound.adapters.store;

import io.mocplatform.testkit.architecture.sound.domain.Order;
import io.mocplatform.testkit.architecture.sound.domain.OrderStorePort;

/** A package-private adapter behind the domain's port. */
class MemoryOrderStore implements OrderStorePort {

    @Override
    public void save(Order order) {
    }
}
