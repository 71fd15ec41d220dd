package io.mocplatform.testkit.architecture.broken.adapters.store;

/** Breaks the adapter rule: public, so something could use it without the domain's port. */
public class OrderStore {
}
