package io.mocplatform.devstack.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * What the HTTP API's JWT authorizer checks, as Terraform configures it for the real identity provider.
 *
 * @param issuer    required {@code iss}
 * @param audience  required value in {@code aud}
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 */
public record JwtSettings(String issuer, String audience, Duration clockSkew) {

    /** The local identity provider: fixed names, so tokens survive restarts and port changes. */
    public static final JwtSettings LOCAL = new JwtSettings("urn:moc-platform:devstack", "moc-platform-api",
            Duration.ofSeconds(30));

    public JwtSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clockSkew, "clockSkew");
    }
}
