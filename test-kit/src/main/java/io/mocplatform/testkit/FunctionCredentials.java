package io.mocplatform.testkit;

import java.util.Objects;

/**
 * The access key of one function's role in one environment: what Lambda hands the function in AWS. The AWS edge
 * judges every request signed with it by that role's statements in the platform contract.
 *
 * @param accessKeyId     e.g. {@code AKIDLOCALJOBAPITEST}
 * @param secretAccessKey random per run
 */
public record FunctionCredentials(String accessKeyId, String secretAccessKey) {

    public FunctionCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "FunctionCredentials[" + accessKeyId + "]";
    }
}
