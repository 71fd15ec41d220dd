package io.mocplatform.testkit.iam;

import java.util.List;
import java.util.Optional;

/**
 * An identity-based policy and IAM's evaluation of it for one request, within one account and without
 * permission boundaries or SCPs: an explicit Deny wins, otherwise an Allow grants, otherwise the request is
 * implicitly denied.
 *
 * @param statements the statements, in order
 */
public record Policy(List<Statement> statements) {

    public Policy {
        statements = List.copyOf(statements);
    }

    /** The decision, with the statement that made it (none for an implicit deny). */
    public Decision evaluate(AccessRequest request) {
        Optional<Statement> deny = statements.stream()
                .filter(s -> s.effect() == Statement.Effect.DENY && s.matches(request)).findFirst();
        if (deny.isPresent()) {
            return new Decision(Decision.Outcome.EXPLICIT_DENY, deny, request);
        }
        Optional<Statement> allow = statements.stream()
                .filter(s -> s.effect() == Statement.Effect.ALLOW && s.matches(request)).findFirst();
        return allow.map(s -> new Decision(Decision.Outcome.ALLOWED, Optional.of(s), request))
                .orElseGet(() -> new Decision(Decision.Outcome.IMPLICIT_DENY, Optional.empty(), request));
    }

    /**
     * The outcome of {@link #evaluate}.
     *
     * @param outcome   allowed, or why not
     * @param statement the deciding statement
     * @param request   what was asked
     */
    public record Decision(Outcome outcome, Optional<Statement> statement, AccessRequest request) {

        public boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }

        /** The three results of IAM's evaluation logic. */
        public enum Outcome { ALLOWED, EXPLICIT_DENY, IMPLICIT_DENY }
    }
}
