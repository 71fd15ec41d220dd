package io.mocplatform.testkit.architecture.broken.api;

import io.mocplatform.testkit.architecture.broken.adapters.store.OrderStore;

/** Breaks the api rule: reaches into an adapter. */
public record OrderView(OrderStore store) {
}
