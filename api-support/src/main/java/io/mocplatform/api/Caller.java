package io.mocplatform.api;

import java.util.Objects;

/**
 * The authenticated user making the request: the {@code sub} claim that API Gateway's JWT authorizer verified.
 * Declare a {@code Caller} parameter on a controller method to receive it; requests without one never reach the
 * controller (they get a 401 problem).
 *
 * @param sub the subject claim, used as the owner of everything the user creates
 */
public record Caller(String sub) {

    public Caller {
        Objects.requireNonNull(sub, "sub");
    }
}
