package io.mocplatform.processor.domain;

import java.util.List;
import java.util.Objects;

/**
 * One row of the component schedule: a device tag found once per drawing, with every page it appears on.
 *
 * @param tag         canonical tag, e.g. {@code CR-101}
 * @param type        component type, e.g. {@code card_reader}
 * @param pages       1-based pages in ascending order
 * @param description what the legend (or the default map) calls this kind of device
 */
public record Component(String tag, String type, List<Integer> pages, String description) {

    public Component {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(type, "type");
        pages = List.copyOf(pages);
        description = description == null ? "" : description;
    }
}
