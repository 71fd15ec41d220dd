package io.mocplatform.processor.adapters.offline;

import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.TextLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a drawing's legend: lines such as {@code CR = Card Reader} (also {@code CR: Card Reader},
 * {@code CR – Card Reader}) anywhere, and rows of a legend table ({@code CR<gap>Card Reader}) under a heading
 * containing LEGEND or SYMBOL. A prefix is 1-5 capital letters; the description must contain a letter.
 */
final class LegendParser {

    private static final Pattern DEFINITION =
            Pattern.compile("^([A-Z]{1,5})\\s*(?:=|:|–|—|\\s-\\s)\\s*([A-Za-z][^=]{1,60})$");
    private static final Pattern TABLE_ROW = Pattern.compile("^([A-Z]{1,5})\\t+([A-Za-z][^\\t]{1,60})$");
    private static final Pattern TABLE_HEADING = Pattern.compile("(?i)\\b(legend|symbol)\\b");

    private LegendParser() {
    }

    /** Prefix to description, in the order found; a later entry for the same prefix wins. */
    static Map<String, String> parse(List<PageText> pages) {
        Map<String, String> legend = new LinkedHashMap<>();
        for (PageText page : pages) {
            boolean inTable = false;
            for (TextLine line : page.lines()) {
                String text = line.text().strip();
                Matcher definition = DEFINITION.matcher(text.replace('\t', ' '));
                Matcher row = TABLE_ROW.matcher(text);
                if (definition.matches()) {
                    legend.put(definition.group(1), definition.group(2).strip());
                } else if (inTable && row.matches()) {
                    legend.put(row.group(1), row.group(2).strip());
                } else if (TABLE_HEADING.matcher(text).find()) {
                    inTable = true;
                } else {
                    inTable = false;
                }
            }
        }
        return legend;
    }
}
