package io.mocplatform.testkit.edge;

import io.mocplatform.testkit.iam.AccessRequest;
import io.mocplatform.testkit.iam.Policy;

import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Authorization: a function role's request goes on only when its policy allows every permission the request
 * needs ({@link RequestActions}); otherwise the service's AccessDenied answers it. A missing S3 object is a 404
 * only for a role that may list it, a 403 otherwise, as in S3. The administrator passes unjudged. Each allowed permission is reported to {@code allowed} (the unused-grant check counts them).
 */
final class RoleCheck implements EdgeFilter {

    private final RequestActions actions;
    private final BiConsumer<Caller.FunctionRole, Policy.Decision> allowed;

    RoleCheck(RequestActions actions, BiConsumer<Caller.FunctionRole, Policy.Decision> allowed) {
        this.actions = actions;
        this.allowed = allowed;
    }

    @Override
    public EdgeResponse filter(EdgeRequest request, Chain next) throws IOException {
        Caller.FunctionRole role = request.caller().flatMap(Caller::functionRole).orElse(null);
        if (role == null) {
            return next.proceed(request);
        }
        List<AccessRequest> needed = actions.of(request);
        List<Policy.Decision> decisions = new java.util.ArrayList<>(needed.size());
        for (AccessRequest access : needed) {
            Policy.Decision decision = role.policy().evaluate(access);
            if (!decision.allowed()) {
                return AwsErrors.accessDenied(request, role, access,
                        decision.outcome() == Policy.Decision.Outcome.EXPLICIT_DENY);
            }
            decisions.add(decision);
        }
        decisions.forEach(decision -> allowed.accept(role, decision));
        EdgeResponse response = next.proceed(request);
        if (response.status() == 404 && needed.size() == 1 && "s3:GetObject".equals(needed.getFirst().action())) {
            return missingObject(request, role, needed.getFirst(), response);
        }
        return response;
    }

    /**
     * S3 tells a caller that an object does not exist (404) only if it may list the bucket; otherwise it answers
     * 403 AccessDenied, so that the caller learns nothing about the keys. The listing is judged with the key as
     * {@code s3:prefix}, which is how a role scopes that permission to its prefixes.
     */
    private EdgeResponse missingObject(EdgeRequest request, Caller.FunctionRole role, AccessRequest get,
                                       EdgeResponse notFound) throws IOException {
        String object = get.resource().substring("arn:aws:s3:::".length());
        int slash = object.indexOf('/');
        AccessRequest list = new AccessRequest("s3:ListBucket", "arn:aws:s3:::" + object.substring(0, slash),
                java.util.Map.of("s3:prefix", object.substring(slash + 1), "aws:securetransport", "true"));
        Policy.Decision decision = role.policy().evaluate(list);
        if (decision.allowed()) {
            allowed.accept(role, decision);
            return notFound;
        }
        notFound.body().close();
        return AwsErrors.accessDenied(request, role, list, false);
    }
}
