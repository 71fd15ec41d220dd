package io.mocplatform.testkit.edge;

import io.mocplatform.testkit.iam.Policy;

import java.util.Objects;
import java.util.Optional;

/**
 * Who signed a request: a function's role (judged by its policy) or anyone else (the account's administrator,
 * unrestricted, as the AWS CLI with {@code test}/{@code test}).
 *
 * @param accessKeyId the key the request was signed with
 * @param role        the function role the key belongs to, or null for the administrator
 */
public record Caller(String accessKeyId, FunctionRole role) {

    public Caller {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
    }

    public Optional<FunctionRole> functionRole() {
        return Optional.ofNullable(role);
    }

    /**
     * A function's execution role in one environment.
     *
     * @param function     the function's name in the contract ({@code job-api})
     * @param environment  the environment ({@code local}, {@code it-1a2b3c4d})
     * @param principalArn the assumed-role ARN AWS names in its refusals
     * @param policy       the role's statements, placeholders replaced
     */
    public record FunctionRole(String function, String environment, String principalArn, Policy policy) {
    }
}
