package io.mocplatform.processor.adapters.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds device tags in a line of drawing text.
 *
 * <ul>
 *   <li>A tag is a code (capital letters), a separator and 1-4 digits with an optional capital letter:
 *       {@code CR-101}, {@code CR101}, {@code CR 101}, {@code CR-01A}; a level may qualify it before or after the
 *       code ({@code L2-CR-101}, {@code CR-L2-101}). It is reported with hyphens: {@code CR101} and {@code CR 101}
 *       are {@code CR-101}; the level stays where it was written.</li>
 *   <li>A tag right after a reference word ({@code DWG}, {@code DWG NO.}, {@code SEE}, {@code REFER TO},
 *       {@code SHEET}, {@code DETAIL}, …) names another drawing, not a device; its code is then a drawing code,
 *       and other tags with that code ({@code SEE SEC-120 AND SEC-121}) are not devices either.</li>
 *   <li>A tag followed by {@code /digit} or {@code .digit} is a circuit or a dimension ({@code DB-2/14}).</li>
 *   <li>Codes the catalog knows may be written without a hyphen; a code it does not know is reported only in the
 *       hyphenated form with 2-4 letters ({@code GB-101}), which plan text rarely takes by chance.</li>
 * </ul>
 */
final class TagScanner {

    private static final Pattern TAG = Pattern.compile("(?<![A-Za-z0-9-])(?:(?<before>L\\d{1,2}|B\\d)-)?"
            + "(?<code>[A-Z]{1,5})(?<sep>-(?<after>L\\d{1,2}|B\\d)-|-| |)(?<number>\\d{1,4}[A-Z]?)"
            + "(?![A-Za-z0-9]|[/.]\\d)");
    private static final Pattern REFERENCE_BEFORE = Pattern.compile("(?i)\\b(?:DWG|DRG|DRAWING|SEE|REF|REFER TO"
            + "|SHEET|SHT|DETAIL|SECTION)\\.?\\s*(?:NOS?\\.?\\s*)?:?\\s*$");
    /** Codes that look like tag codes in standards and plan annotations. */
    private static final Set<String> NEVER_UNKNOWN_DEVICES = Set.of("ISO", "EN", "BS", "DIN", "IEC", "NFPA", "REV",
            "DWG", "DRG", "SHT", "NO", "TYP", "RM", "FFL", "SSL", "GL", "CH", "UPS", "DB");

    /** A tag found in the text. */
    record Found(String tag, String code, boolean known) {
    }

    private final Predicate<String> knownCode;
    private final Set<String> drawingCodes = new HashSet<>();

    TagScanner(Predicate<String> knownCode) {
        this.knownCode = knownCode;
    }

    /** First pass: remembers the codes of tags written as references to drawings. */
    void learnReferences(String cell) {
        Matcher matcher = TAG.matcher(cell);
        while (matcher.find()) {
            if (isReference(cell, matcher) && !knownCode.test(matcher.group("code"))) {
                drawingCodes.add(matcher.group("code"));
            }
        }
    }

    /** Second pass: the device tags in the text, known codes and unknown ones. */
    List<Found> scan(String cell) {
        List<Found> found = new ArrayList<>();
        Matcher matcher = TAG.matcher(cell);
        while (matcher.find()) {
            String code = matcher.group("code");
            if (isReference(cell, matcher)) {
                continue;
            }
            boolean known = knownCode.test(code);
            if (known || isUnknownDevice(code, matcher.group("sep"))) {
                found.add(new Found(canonical(matcher), code, known));
            }
        }
        return found;
    }

    private boolean isUnknownDevice(String code, String separator) {
        return separator.startsWith("-") && code.length() >= 2 && code.length() <= 4
                && !drawingCodes.contains(code) && !NEVER_UNKNOWN_DEVICES.contains(code)
                && !LegendParser.NOT_CODES.contains(code);
    }

    private static boolean isReference(String cell, Matcher matcher) {
        return REFERENCE_BEFORE.matcher(cell.substring(0, matcher.start())).find();
    }

    private static String canonical(Matcher matcher) {
        StringBuilder tag = new StringBuilder();
        if (matcher.group("before") != null) {
            tag.append(matcher.group("before")).append('-');
        }
        tag.append(matcher.group("code")).append('-');
        if (matcher.group("after") != null) {
            tag.append(matcher.group("after")).append('-');
        }
        return tag.append(matcher.group("number")).toString();
    }
}
