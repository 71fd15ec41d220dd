package io.mocplatform.devstack.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** Signs access tokens the way the real identity provider would issue them to the site's users. */
public final class JwtIssuer {

    private final SigningKeys keys;
    private final JwtSettings settings;
    private final Clock clock;

    public JwtIssuer(SigningKeys keys, JwtSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token for {@code subject} valid for {@code lifetime}, with extra claims (e.g. {@code email}). */
    public String issue(String subject, Duration lifetime, Map<String, Object> extraClaims) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("token_use", "access");
        extraClaims.forEach(claims::claim);
        return sign(claims.build());
    }

    /** Signs arbitrary claims with the stack's key (tests use it for tokens that must be refused). */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.signingKey().getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }
}
