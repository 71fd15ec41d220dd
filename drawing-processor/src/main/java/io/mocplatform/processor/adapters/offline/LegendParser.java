package io.mocplatform.processor.adapters.offline;

import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.TextLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a drawing's legend: definitions such as {@code CR = Card Reader} (also {@code CR: Card Reader},
 * {@code CR – Card Reader}) anywhere, and rows of a legend table ({@code CR<gap>Card Reader}) under a heading
 * containing LEGEND or SYMBOL. Text extraction joins everything on the same height into one line, so a legend
 * row often shares its line with plan labels: the parser looks at the line's columns (tab-separated), not the
 * whole line. A prefix is 1-5 capital letters; a description has lower-case letters and no digits, so tags and
 * other labels are not read as descriptions.
 */
final class LegendParser {

    private static final Pattern DEFINITION =
            Pattern.compile("^([A-Z]{1,5})\\s*(?:=|:|–|—|\\s-\\s)\\s*([A-Za-z][^=\\d]{1,60})$");
    private static final Pattern CODE = Pattern.compile("^[A-Z]{1,5}$");
    private static final Pattern DESCRIPTION = Pattern.compile("^[A-Za-z][A-Za-z /&().'-]{0,59}$");
    private static final Pattern TABLE_HEADING = Pattern.compile("(?i)\\b(legend|symbols?)\\b");

    private LegendParser() {
    }

    /** Prefix to description, in the order found; a later entry for the same prefix wins. */
    static Map<String, String> parse(List<PageText> pages) {
        Map<String, String> legend = new LinkedHashMap<>();
        for (PageText page : pages) {
            boolean inTable = false;
            for (TextLine line : page.lines()) {
                String[] cells = line.text().split("\t");
                for (String cell : cells) {
                    Matcher definition = DEFINITION.matcher(cell.strip());
                    if (definition.matches() && hasLowerCase(definition.group(2))) {
                        legend.put(definition.group(1), definition.group(2).strip());
                    }
                }
                boolean heading = TABLE_HEADING.matcher(line.text()).find();
                boolean rows = inTable && addTableRows(cells, legend);
                // A table ends at the first line after its heading that has no row in it.
                inTable = heading || rows;
            }
        }
        return legend;
    }

    private static boolean addTableRows(String[] cells, Map<String, String> legend) {
        boolean found = false;
        for (int i = 0; i + 1 < cells.length; i++) {
            String code = cells[i].strip();
            String description = cells[i + 1].strip();
            if (CODE.matcher(code).matches() && DESCRIPTION.matcher(description).matches()
                    && hasLowerCase(description)) {
                legend.put(code, description);
                found = true;
                i++;
            }
        }
        return found;
    }

    private static boolean hasLowerCase(String text) {
        return text.chars().anyMatch(Character::isLowerCase);
    }
}
