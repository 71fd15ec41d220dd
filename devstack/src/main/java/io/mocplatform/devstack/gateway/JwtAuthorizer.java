package io.mocplatform.devstack.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP API's JWT authorizer: RS256 signature by a key of the JWKS, issuer, audience, expiry and not-before. A
 * token that passes becomes {@code requestContext.authorizer.jwt}: claims as strings (arrays as {@code [a b]},
 * as API Gateway flattens them) and scopes from the {@code scope} claim.
 */
public final class JwtAuthorizer {

    private final SigningKeys keys;
    private final JwtSettings settings;
    private final Clock clock;
    private static final String INVALID_SIGNATURE = "the token does not have a valid signature";

    public JwtAuthorizer(SigningKeys keys, JwtSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks the {@code Authorization} header value (with or without {@code Bearer }). */
    public Result authorize(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Result.denied("missing Authorization header", null);
        }
        String token = authorizationHeader.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Result.denied("not a signed JWT", INVALID_SIGNATURE);
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            return Result.denied("algorithm " + jwt.getHeader().getAlgorithm() + " is not accepted",
                    "signing method " + jwt.getHeader().getAlgorithm() + " is invalid");
        }
        JWK key = keys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
        if (!(key instanceof RSAKey rsa)) {
            return Result.denied("signed with an unknown key", INVALID_SIGNATURE);
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) {
                return Result.denied("bad signature", INVALID_SIGNATURE);
            }
        } catch (JOSEException e) {
            return Result.denied("bad signature", INVALID_SIGNATURE);
        }
        if (!settings.issuer().equals(claims.getIssuer())) {
            return Result.denied("issuer " + claims.getIssuer() + " is not trusted",
                    "the token does not have a valid issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(settings.audience())) {
            return Result.denied("audience does not include " + settings.audience(),
                    "the token does not have a valid audience");
        }
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            return Result.denied("token has no expiry", "the token has no expiry");
        }
        if (now.minus(settings.clockSkew()).isAfter(expiry.toInstant())) {
            return Result.denied("token expired", "the token has expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(settings.clockSkew()).isBefore(notBefore.toInstant())) {
            return Result.denied("token not valid yet", "the token is not valid yet");
        }
        return Result.allowed(flatten(claims.toJSONObject()), scopes(claims));
    }

    private static Map<String, String> flatten(Map<String, Object> claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.forEach((name, value) -> flat.put(name, asText(value)));
        return flat;
    }

    private static String asText(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(JwtAuthorizer::asText).collect(Collectors.joining(" ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        return scope instanceof String text && !text.isBlank() ? List.of(text.strip().split("\\s+")) : null;
    }

    /**
     * The authorizer's decision.
     *
     * @param allowed         whether the request goes on to the function
     * @param reason          why it was refused, in the devstack's words (the access log)
     * @param wwwAuthenticate the {@code www-authenticate} challenge API Gateway's JWT authorizer sends with its 401:
     *                        the bare scheme when no token came, else {@code invalid_token} with a description in
     *                        AWS's wording (its documented example: "the token does not have a valid audience")
     * @param claims          the token's claims as strings, when allowed
     * @param scopes          the {@code scope} claim split on spaces, or null
     */
    public record Result(boolean allowed, String reason, String wwwAuthenticate, Map<String, String> claims,
                         List<String> scopes) {

        static Result denied(String reason, String awsDescription) {
            String challenge = awsDescription == null ? "Bearer"
                    : "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + awsDescription + "\"";
            return new Result(false, reason, challenge, Map.of(), null);
        }

        static Result allowed(Map<String, String> claims, List<String> scopes) {
            return new Result(true, null, null, Map.copyOf(claims), scopes == null ? null : List.copyOf(scopes));
        }
    }
}
