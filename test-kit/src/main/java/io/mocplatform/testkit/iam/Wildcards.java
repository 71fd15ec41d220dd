package io.mocplatform.testkit.iam;

import java.util.Locale;

/** IAM's {@code *} (any run of characters, none included) and {@code ?} (one character) in actions and ARNs. */
final class Wildcards {

    private Wildcards() {
    }

    static boolean matchesIgnoringCase(String pattern, String value) {
        return matches(pattern.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT));
    }

    /**
     * ARN patterns match segment by segment ({@code arn:partition:service:region:account:resource}): a wildcard
     * does not run across the colons of the first five, but may run across {@code /} and {@code :} in the
     * resource part. {@code *} alone matches every resource.
     */
    static boolean matchesArn(String pattern, String arn) {
        if ("*".equals(pattern)) {
            return true;
        }
        String[] patternParts = pattern.split(":", 6);
        String[] arnParts = arn.split(":", 6);
        if (patternParts.length != 6 || arnParts.length != 6) {
            return matches(pattern, arn);
        }
        for (int i = 0; i < 6; i++) {
            if (!matches(patternParts[i], arnParts[i])) {
                return false;
            }
        }
        return true;
    }

    /** Glob matching without backtracking blow-up: the classic two-pointer walk. */
    static boolean matches(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
