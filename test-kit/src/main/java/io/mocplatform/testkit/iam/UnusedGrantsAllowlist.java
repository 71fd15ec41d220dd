package io.mocplatform.testkit.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Grants of the contract that no local test can exercise, each with the reason: a JSON array of
 * {@code {"function", "sid", "action", "resource", "why"}}, the resource as the contract writes it.
 */
public final class UnusedGrantsAllowlist {

    /** Its file name, next to the contract. */
    public static final String FILE = "grants-not-exercised-locally.json";

    private UnusedGrantsAllowlist() {
    }

    /** The listed grants; an entry without a reason is refused. */
    public static Set<PermissionsContract.Grant> read(Path file) {
        try {
            Set<PermissionsContract.Grant> grants = new LinkedHashSet<>();
            for (JsonNode entry : new ObjectMapper().readTree(file.toFile())) {
                PermissionsContract.Grant grant = new PermissionsContract.Grant(entry.path("function").asText(),
                        entry.path("sid").asText(), entry.path("action").asText(), entry.path("resource").asText());
                if (entry.path("why").asText().isBlank()) {
                    throw new IllegalArgumentException(file + ": the entry for " + grant + " does not say why");
                }
                grants.add(grant);
            }
            return grants;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the allowlist " + file, e);
        }
    }
}
