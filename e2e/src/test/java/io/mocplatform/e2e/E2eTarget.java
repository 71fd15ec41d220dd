package io.mocplatform.e2e;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The stack under test, seen from outside: where the two APIs are and two users' bearer tokens.
 *
 * @param jobApi     base URL of the drawing jobs API
 * @param imageApi   base URL of the image API
 * @param token      a user's token ({@code E2E_TOKEN})
 * @param otherToken another user's token ({@code E2E_OTHER_TOKEN}), who must see none of the first user's data
 * @param burstLimit the stage's throttling burst when known (the devstack's, or {@code E2E_BURST_LIMIT}), else 0
 * @param description what runs, for the test log
 */
record E2eTarget(URI jobApi, URI imageApi, String token, String otherToken, int burstLimit, String description) {

    static final String BASE_URL = "E2E_BASE_URL";
    static final String JOB_API_URL = "E2E_JOB_API_URL";
    static final String IMAGE_API_URL = "E2E_IMAGE_API_URL";
    static final String TOKEN = "E2E_TOKEN";
    static final String OTHER_TOKEN = "E2E_OTHER_TOKEN";
    static final String BURST_LIMIT = "E2E_BURST_LIMIT";

    /**
     * The deployed stack the environment names, if it names one. {@code E2E_BASE_URL} serves both APIs unless
     * {@code E2E_JOB_API_URL} / {@code E2E_IMAGE_API_URL} say otherwise (in AWS each API has its own URL).
     */
    static Optional<E2eTarget> fromEnvironment(Map<String, String> env) {
        String base = value(env, BASE_URL);
        if (base == null) {
            return Optional.empty();
        }
        String token = value(env, TOKEN);
        String other = value(env, OTHER_TOKEN);
        if (token == null || other == null) {
            throw new IllegalStateException(BASE_URL + " is set, so " + TOKEN + " and " + OTHER_TOKEN
                    + " must be too: bearer tokens of two different users of that stage");
        }
        URI jobApi = URI.create(Optional.ofNullable(value(env, JOB_API_URL)).orElse(base));
        URI imageApi = URI.create(Optional.ofNullable(value(env, IMAGE_API_URL)).orElse(base));
        String burst = value(env, BURST_LIMIT);
        return Optional.of(new E2eTarget(jobApi, imageApi, token, other, burst == null ? 0 : Integer.parseInt(burst),
                "the stack at " + jobApi + (jobApi.equals(imageApi) ? "" : " and " + imageApi)));
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.getOrDefault(name, System.getProperty(name));
        return value == null || value.isBlank() ? null : value.strip();
    }
}
