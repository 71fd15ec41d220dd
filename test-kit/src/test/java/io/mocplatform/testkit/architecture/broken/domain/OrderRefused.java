package io.mocplatform.testkit.architecture.broken.domain;

/** Breaks the naming table: a typed failure whose name does not end in Exception. */
public class OrderRefused extends RuntimeException {
}
