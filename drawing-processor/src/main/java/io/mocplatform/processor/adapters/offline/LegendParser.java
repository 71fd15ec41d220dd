package io.mocplatform.processor.adapters.offline;

import io.mocplatform.processor.domain.PageText;
import io.mocplatform.processor.domain.TextLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a drawing's legends: definitions such as {@code CR = Card Reader}, {@code CR: Card Reader},
 * {@code CR – CARD READER} anywhere on any sheet, and rows of a legend table ({@code CR<gap>CARD READER}) under a
 * heading containing LEGEND, SYMBOL(S) or ABBREVIATIONS. Text extraction joins everything on the same height into
 * one line, so a legend row often shares its line with plan labels: the parser looks at the line's columns
 * (tab-separated), not the whole line.
 *
 * <p>A code is 1-5 capital letters and not a word that title blocks and notes use as a label ({@code NOTE:},
 * {@code SCALE:}, {@code REV:}). A description may be in capitals and may hold digits ({@code 24V POWER SUPPLY}),
 * but has at least two letters and does not start like a tag. A {@code CODE: TEXT} line in capitals is taken only
 * inside a legend table's reach, because notes and title blocks are written that way too.
 */
final class LegendParser {

    /** Words that precede a colon in notes and title blocks, and column headers of legend tables. */
    static final Set<String> NOT_CODES = Set.of("NOTE", "NOTES", "SCALE", "DATE", "REV", "DWG", "DRG", "SHEET",
            "SHT", "TITLE", "DRAWN", "CHKD", "APPD", "JOB", "REF", "SEE", "NO", "CODE", "TAG", "TAGS", "KEY", "ITEM",
            "TYPE", "ABBR", "FOR", "AND", "ALL", "THE", "FROM", "TO");
    private static final Pattern DEFINITION =
            Pattern.compile("^([A-Z]{1,5})\\s*(=|:|–|—|\\s-\\s)\\s*(\\S.{1,59})$");
    private static final Pattern CODE = Pattern.compile("^[A-Z]{1,5}$");
    private static final Pattern DESCRIPTION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 /&().,'+-]{1,59}$");
    private static final Pattern STARTS_LIKE_A_TAG = Pattern.compile("^[A-Z]{1,5}[- ]?\\d");
    private static final Pattern TABLE_HEADING = Pattern.compile("(?i)\\b(legend|symbols?|abbreviations)\\b");
    /** Lines without a row after which a legend table is taken to have ended (plan labels interleave rows). */
    private static final int TABLE_GAP_LINES = 3;

    private LegendParser() {
    }

    /** Code to description, in the order found; a later entry for the same code wins. */
    static Map<String, String> parse(List<PageText> pages) {
        Map<String, String> legend = new LinkedHashMap<>();
        for (PageText page : pages) {
            int linesSinceRow = TABLE_GAP_LINES;
            for (TextLine line : page.lines()) {
                String[] cells = line.text().split("\t");
                boolean heading = TABLE_HEADING.matcher(line.text()).find();
                boolean inTable = heading || linesSinceRow < TABLE_GAP_LINES;
                boolean found = false;
                for (String cell : cells) {
                    found |= addDefinition(cell.strip(), inTable, legend);
                }
                found |= inTable && addTableRows(cells, legend);
                linesSinceRow = heading || found ? 0 : linesSinceRow + 1;
            }
        }
        return legend;
    }

    private static boolean addDefinition(String cell, boolean inTable, Map<String, String> legend) {
        Matcher definition = DEFINITION.matcher(cell);
        if (!definition.matches()) {
            return false;
        }
        String code = definition.group(1);
        String description = definition.group(3).strip();
        boolean colon = definition.group(2).equals(":");
        if (!isCode(code) || !isDescription(description) || colon && !inTable && !hasLowerCase(description)) {
            return false;
        }
        legend.put(code, description);
        return true;
    }

    private static boolean addTableRows(String[] cells, Map<String, String> legend) {
        boolean found = false;
        for (int i = 0; i + 1 < cells.length; i++) {
            String code = cells[i].strip();
            String description = cells[i + 1].strip();
            if (CODE.matcher(code).matches() && isCode(code) && isDescription(description)) {
                legend.put(code, description);
                found = true;
                i++;
            }
        }
        return found;
    }

    private static boolean isCode(String code) {
        return !NOT_CODES.contains(code);
    }

    private static boolean isDescription(String text) {
        return DESCRIPTION.matcher(text).matches() && !STARTS_LIKE_A_TAG.matcher(text).find()
                && text.chars().filter(Character::isLetter).count() >= 2;
    }

    private static boolean hasLowerCase(String text) {
        return text.chars().anyMatch(Character::isLowerCase);
    }
}
