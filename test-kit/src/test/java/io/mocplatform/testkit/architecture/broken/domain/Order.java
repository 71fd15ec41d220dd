package io.mocplatform.testkit.architecture.broken.domain;

import io.mocplatform.testkit.architecture.broken.api.OrderView;
import software.amazon.awssdk.regions.Region;

/** Breaks two layer rules: knows an SDK type and a class of the api. */
public record Order(Region region, OrderView view) {
}
