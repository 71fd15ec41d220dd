package io.mocplatform.testkit.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code permissions} section of {@code contract/platform-contract.json}: each function's role statements,
 * the same ones Terraform renders into the roles. Locally the placeholders get the local stack's values
 * ({@link #localPlaceholders}) and the statements become a {@link Policy} the AWS edge judges each request with.
 */
public final class PermissionsContract {

    private static final String RESOURCE = "platform-contract.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");

    private final Map<String, List<JsonNode>> statements;
    private final Map<String, String> resourcePatterns;
    private final Map<String, String> indexes;

    private PermissionsContract(JsonNode contract) {
        JsonNode permissions = contract.path("permissions");
        if (!permissions.isObject() || permissions.isEmpty()) {
            throw new IllegalStateException("the platform contract has no permissions section");
        }
        Map<String, List<JsonNode>> byFunction = new LinkedHashMap<>();
        permissions.properties().forEach(entry -> {
            List<JsonNode> list = new ArrayList<>();
            entry.getValue().forEach(list::add);
            byFunction.put(entry.getKey(), List.copyOf(list));
        });
        this.statements = Collections.unmodifiableMap(byFunction);
        this.resourcePatterns = strings(contract.path("resources"));
        this.indexes = strings(contract.path("indexes"));
    }

    /** The contract test-kit was built with (copied from {@code contract/} at build time). */
    public static PermissionsContract embedded() {
        try (InputStream in = PermissionsContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from test-kit's class path");
            }
            return new PermissionsContract(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a contract document (tests plant changes with it). */
    public static PermissionsContract parse(String json) {
        try {
            return new PermissionsContract(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a contract document", e);
        }
    }

    /** The functions that have a role in the contract. */
    public Set<String> functions() {
        return statements.keySet();
    }

    /**
     * The values of every placeholder for one local environment: region, account, environment, each resource's
     * name, each index's name, and a stand-in ARN for each KMS key (there is no KMS locally; nothing asks for one).
     */
    public Map<String, String> localPlaceholders(String environment, String region, String account) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("region", region);
        values.put("account", account);
        values.put("env", environment);
        resourcePatterns.forEach((key, pattern) -> values.put(key, pattern.replace("{env}", environment)));
        values.putAll(indexes);
        for (String function : statements.keySet()) {
            for (JsonNode statement : statements.get(function)) {
                for (JsonNode resource : statement.path("resources")) {
                    Matcher matcher = PLACEHOLDER.matcher(resource.asText());
                    while (matcher.find()) {
                        String name = matcher.group(1);
                        if (name.endsWith("_kms_key_arn")) {
                            values.putIfAbsent(name, "arn:aws:kms:" + region + ":" + account + ":key/local-"
                                    + name.substring(0, name.length() - "_kms_key_arn".length()).replace('_', '-'));
                        }
                    }
                }
            }
        }
        return values;
    }

    /** The function's role as a policy, with the placeholders replaced. */
    public Policy policy(String function, Map<String, String> placeholders) {
        List<Statement> resolved = new ArrayList<>();
        for (JsonNode statement : statementsOf(function)) {
            List<Condition> conditions = new ArrayList<>();
            for (JsonNode condition : statement.path("conditions")) {
                conditions.add(new Condition(condition.path("test").asText(),
                        condition.path("variable").asText(), resolveAll(condition.path("values"), placeholders)));
            }
            Statement.Effect effect = "Deny".equalsIgnoreCase(statement.path("effect").asText("Allow"))
                    ? Statement.Effect.DENY : Statement.Effect.ALLOW;
            resolved.add(new Statement(statement.path("sid").asText(), effect,
                    texts(statement.path("actions")), resolveAll(statement.path("resources"), placeholders),
                    conditions));
        }
        return new Policy(resolved);
    }

    /** Every grant of the function: one per statement, action and resource pattern as the contract writes it. */
    public Set<Grant> grants(String function) {
        Set<Grant> grants = new LinkedHashSet<>();
        for (JsonNode statement : statementsOf(function)) {
            for (String action : texts(statement.path("actions"))) {
                for (String resource : texts(statement.path("resources"))) {
                    grants.add(new Grant(function, statement.path("sid").asText(), action, resource));
                }
            }
        }
        return grants;
    }

    /**
     * The grant a decision used: the contract's own action and resource pattern (placeholders kept, so that
     * records from differently named environments add up).
     */
    public Grant grantUsed(String function, Statement statement, AccessRequest request) {
        for (JsonNode template : statementsOf(function)) {
            if (!template.path("sid").asText().equals(statement.sid())) {
                continue;
            }
            List<String> actions = texts(template.path("actions"));
            List<String> resources = texts(template.path("resources"));
            String action = actions.stream().filter(a -> Wildcards.matchesIgnoringCase(a, request.action()))
                    .findFirst().orElse(actions.getFirst());
            for (int i = 0; i < resources.size(); i++) {
                if (Wildcards.matchesArn(statement.resources().get(i), request.resource())) {
                    return new Grant(function, statement.sid(), action, resources.get(i));
                }
            }
        }
        throw new IllegalArgumentException("statement " + statement.sid() + " of " + function
                + " does not grant " + request);
    }

    private List<JsonNode> statementsOf(String function) {
        List<JsonNode> list = statements.get(function);
        if (list == null) {
            throw new IllegalArgumentException("the contract has no permissions for " + function
                    + "; it has " + statements.keySet());
        }
        return list;
    }

    private static List<String> resolveAll(JsonNode values, Map<String, String> placeholders) {
        List<String> resolved = new ArrayList<>();
        for (JsonNode value : values) {
            resolved.add(resolve(value.asText(), placeholders));
        }
        return resolved;
    }

    static String resolve(String template, Map<String, String> placeholders) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = placeholders.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("unknown placeholder {" + matcher.group(1) + "} in " + template);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return Collections.unmodifiableMap(map);
    }

    /**
     * One thing a role grants: an action on a resource pattern, in a statement, as the contract writes it.
     *
     * @param function the function whose role it is
     * @param sid      the statement
     * @param action   the action
     * @param resource the resource pattern, placeholders kept
     */
    public record Grant(String function, String sid, String action, String resource) {

        @Override
        public String toString() {
            return function + " " + sid + " " + action + " " + resource;
        }
    }
}
