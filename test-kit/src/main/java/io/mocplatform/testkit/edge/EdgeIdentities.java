package io.mocplatform.testkit.edge;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access keys the edge knows: the account administrator's (unrestricted) and one per function role and
 * environment. Keys it does not know are treated as the administrator's and forwarded unverified (their secret is
 * unknown here), so tools with any dummy credentials keep working.
 */
public final class EdgeIdentities {

    private final Map<String, Identity> byKey = new ConcurrentHashMap<>();

    /** An unrestricted key whose signatures are verified (the AWS CLI's {@code test}/{@code test}). */
    public void addAdministrator(String accessKeyId, String secret) {
        byKey.put(accessKeyId, new Identity(secret, null));
    }

    /** A function role's key: its requests are judged by the role's policy. */
    public void addFunction(String accessKeyId, String secret, Caller.FunctionRole role) {
        byKey.put(accessKeyId, new Identity(secret, Objects.requireNonNull(role, "role")));
    }

    /** The secret of a known key (so that provisioning an environment again keeps its functions' keys). */
    public Optional<String> secretOf(String accessKeyId) {
        return find(accessKeyId).map(Identity::secret);
    }

    Optional<Identity> find(String accessKeyId) {
        return Optional.ofNullable(byKey.get(accessKeyId));
    }

    /**
     * A known key.
     *
     * @param secret its secret access key
     * @param role   the function role, or null for the administrator
     */
    record Identity(String secret, Caller.FunctionRole role) {
    }
}
