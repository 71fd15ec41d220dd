package io.mocplatform.testkit.iam;

import java.util.List;
import java.util.Objects;

/**
 * One statement of an identity-based policy, placeholders already replaced.
 *
 * @param sid        its name
 * @param effect     Allow or Deny
 * @param actions    action patterns ({@code *} and {@code ?} wildcards; compared ignoring case)
 * @param resources  ARN patterns ({@code *} and {@code ?} wildcards, within each ARN segment)
 * @param conditions all must hold
 */
public record Statement(String sid, Effect effect, List<String> actions, List<String> resources,
                        List<Condition> conditions) {

    public Statement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException("statement " + sid + " needs at least one action and one resource");
        }
    }

    /** Allow or Deny. */
    public enum Effect { ALLOW, DENY }

    /** True when this statement applies to the request: action, resource and every condition match. */
    public boolean matches(AccessRequest request) {
        return actions.stream().anyMatch(pattern -> Wildcards.matchesIgnoringCase(pattern, request.action()))
                && resources.stream().anyMatch(pattern -> Wildcards.matchesArn(pattern, request.resource()))
                && conditions.stream().allMatch(condition -> condition.holds(request.context()));
    }
}
