package io.mocplatform.testkit.iam;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Which grants of the contract were used: each permission the edge allowed a function, as the contract's
 * (statement, action, resource pattern). Each test JVM writes what it saw into a directory
 * ({@code target/exercised-grants/}); {@link #unused} compares the union with the contract, IAM Access Analyzer's
 * "unused access" for the local tests.
 */
public final class ExercisedGrants {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<PermissionsContract.Grant>> GRANTS = new TypeReference<>() { };

    private final PermissionsContract contract;
    private final Set<PermissionsContract.Grant> used = ConcurrentHashMap.newKeySet();

    public ExercisedGrants(PermissionsContract contract) {
        this.contract = contract;
    }

    /** Notes the grant behind an allowed decision. */
    public void record(String function, Policy.Decision decision) {
        decision.statement().ifPresent(statement ->
                used.add(contract.grantUsed(function, statement, decision.request())));
    }

    /** What was used so far in this JVM. */
    public Set<PermissionsContract.Grant> used() {
        return Set.copyOf(used);
    }

    /** Writes what was used into a new file in {@code directory}; nothing when nothing was used. */
    public void writeTo(Path directory) {
        if (used.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            List<PermissionsContract.Grant> sorted = used.stream()
                    .sorted(Comparator.comparing(PermissionsContract.Grant::toString)).toList();
            JSON.writerWithDefaultPrettyPrinter().writeValue(
                    directory.resolve("exercised-" + UUID.randomUUID() + ".json").toFile(), sorted);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the exercised grants in " + directory, e);
        }
    }

    /** Every grant recorded in the files of these directories (missing directories count as empty). */
    public static Set<PermissionsContract.Grant> readAll(Collection<Path> directories) {
        Set<PermissionsContract.Grant> all = new LinkedHashSet<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                    all.addAll(JSON.readValue(file.toFile(), GRANTS));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the exercised grants in " + directory, e);
            }
        }
        return all;
    }

    /**
     * The contract's grants that nothing exercised and that the allowlist does not excuse, sorted. A grant counts
     * as exercised by function, statement, action and resource pattern.
     */
    public static Set<PermissionsContract.Grant> unused(PermissionsContract contract,
                                                        Set<PermissionsContract.Grant> exercised,
                                                        Set<PermissionsContract.Grant> allowlist) {
        Set<String> seen = new java.util.HashSet<>();
        exercised.forEach(grant -> seen.add(key(grant)));
        allowlist.forEach(grant -> seen.add(key(grant)));
        Set<PermissionsContract.Grant> unused = new TreeSet<>(Comparator.comparing(PermissionsContract.Grant::toString));
        for (String function : contract.functions()) {
            contract.grants(function).stream().filter(grant -> !seen.contains(key(grant))).forEach(unused::add);
        }
        return unused;
    }

    private static String key(PermissionsContract.Grant grant) {
        return grant.function() + "|" + grant.sid() + "|" + grant.action().toLowerCase(java.util.Locale.ROOT)
                + "|" + grant.resource();
    }
}
