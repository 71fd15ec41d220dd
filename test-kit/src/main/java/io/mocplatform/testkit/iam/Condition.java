package io.mocplatform.testkit.iam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One condition of a statement: an IAM operator, a condition key and the values it is compared with (ORed).
 * Supported: {@code StringEquals}, {@code StringNotEquals}, {@code StringEqualsIgnoreCase},
 * {@code StringNotEqualsIgnoreCase}, {@code StringLike}, {@code StringNotLike}, {@code ArnEquals},
 * {@code ArnLike}, {@code ArnNotEquals}, {@code ArnNotLike}, {@code Bool}, each also with {@code IfExists}. As in
 * IAM, a key the request does not carry makes a condition false, except for the negated operators and
 * {@code …IfExists}, which it makes true.
 *
 * @param operator the IAM condition operator
 * @param key      the condition key ({@code s3:prefix}); compared ignoring case
 * @param values   the policy's values
 */
public record Condition(String operator, String key, List<String> values) {

    private static final List<String> OPERATORS = List.of("StringEquals", "StringNotEquals",
            "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "ArnEquals",
            "ArnLike", "ArnNotEquals", "ArnNotLike", "Bool");

    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        String base = operator.endsWith("IfExists") ? operator.substring(0, operator.length() - 8) : operator;
        if (!OPERATORS.contains(base)) {
            throw new IllegalArgumentException("condition operator " + operator + " is not supported locally; "
                    + "supported: " + OPERATORS + " (and their IfExists forms)");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("condition " + operator + " on " + key + " has no values");
        }
    }

    /** Whether the condition holds for a request carrying {@code context} (keys in lower case). */
    public boolean holds(Map<String, String> context) {
        boolean ifExists = operator.endsWith("IfExists");
        String base = ifExists ? operator.substring(0, operator.length() - 8) : operator;
        boolean negated = base.contains("Not");
        String actual = context.get(key.toLowerCase(Locale.ROOT));
        if (actual == null) {
            return ifExists || negated;
        }
        boolean anyMatches = values.stream().anyMatch(expected -> compare(base, expected, actual));
        return negated != anyMatches;
    }

    private static boolean compare(String operator, String expected, String actual) {
        return switch (operator) {
            case "StringEquals", "StringNotEquals", "ArnEquals", "ArnNotEquals" -> expected.equals(actual);
            case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" -> expected.equalsIgnoreCase(actual);
            case "StringLike", "StringNotLike" -> Wildcards.matches(expected, actual);
            case "ArnLike", "ArnNotLike" -> Wildcards.matchesArn(expected, actual);
            case "Bool" -> expected.equalsIgnoreCase(actual);
            default -> throw new IllegalStateException(operator);
        };
    }
}
