package io.mocplatform.model;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The one id generator: job ids look like {@code job_<epoch-millis>_<10 random base-32 chars>}, the
 * {@code job_<timestamp>} shape clients know, made collision-free. Other ids (drawings, images) share the
 * random part's alphabet.
 * {@link SecureRandom} is re-seeded by the Lambda runtime after a SnapStart restore, so snapshots do not
 * repeat ids.
 */
public final class IdGenerator {

    /** What a well-formed job id looks like. */
    public static final Pattern JOB_ID = Pattern.compile("job_\\d{13}_[a-z2-7]{10}");
    /** What a well-formed drawing or image id looks like: a prefix and 20 random base-32 chars. */
    public static final Pattern RANDOM_ID = Pattern.compile("[a-z]{2,5}_[a-z2-7]{20}");

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IdGenerator(Clock clock) {
        this.clock = clock;
    }

    /** A new job id stamped with the clock's current time. */
    public String newJobId() {
        return "job_" + clock.millis() + "_" + randomChars(10);
    }

    /** A new id with the given prefix, e.g. {@code drw} or {@code img}. */
    public String newId(String prefix) {
        return prefix + "_" + randomChars(20);
    }

    /** Whether the text is a well-formed job id. */
    public static boolean isJobId(String value) {
        return value != null && JOB_ID.matcher(value).matches();
    }

    /** Whether the text is a well-formed id with the given prefix. */
    public static boolean isId(String prefix, String value) {
        return value != null && value.startsWith(prefix + "_") && RANDOM_ID.matcher(value).matches();
    }

    private String randomChars(int count) {
        char[] chars = new char[count];
        for (int i = 0; i < count; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
