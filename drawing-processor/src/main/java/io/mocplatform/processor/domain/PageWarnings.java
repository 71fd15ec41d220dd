package io.mocplatform.processor.domain;

import io.mocplatform.model.job.JobWarning;

import java.util.ArrayList;
import java.util.List;

/** The warnings a result carries about its pages: pages without a text layer and scaled-down page images. */
final class PageWarnings {

    static final String NO_TEXT_LAYER = "no_text_layer";
    static final String SCALED_DOWN = "page_image_scaled_down";

    private PageWarnings() {
    }

    static List<JobWarning> of(List<ProcessedPage> pages, int configuredDpi) {
        List<Integer> withoutText = pages.stream().filter(p -> p.text().lines().isEmpty())
                .map(ProcessedPage::pageNumber).toList();
        // Pages stored before the resolution was recorded read as 0: nothing is known about them, so no warning.
        List<Integer> scaledDown = pages.stream().filter(p -> p.renderedDpi() > 0 && p.renderedDpi() < configuredDpi)
                .map(ProcessedPage::pageNumber).toList();
        List<JobWarning> warnings = new ArrayList<>();
        if (!withoutText.isEmpty()) {
            warnings.add(new JobWarning(NO_TEXT_LAYER, withoutText.size() + " of " + pages.size()
                    + " pages have no text layer (scanned or blank): device tags on them can be read only from"
                    + " their images", withoutText));
        }
        if (!scaledDown.isEmpty()) {
            int lowest = pages.stream().filter(p -> scaledDown.contains(p.pageNumber()))
                    .mapToInt(ProcessedPage::renderedDpi).min().orElse(configuredDpi);
            warnings.add(new JobWarning(SCALED_DOWN, scaledDown.size() + " pages are too large to render at "
                    + configuredDpi + " DPI within the pixel limit; their images were rendered at down to "
                    + lowest + " DPI", scaledDown));
        }
        return warnings;
    }
}
