package io.mocplatform.devstack.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JwtAuthorizerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDir;
    private SigningKeys keys;
    private JwtIssuer issuer;
    private JwtAuthorizer authorizer;

    @BeforeEach
    void setUp() {
        keys = SigningKeys.inDataDir(dataDir);
        issuer = new JwtIssuer(keys, JwtSettings.LOCAL, clock);
        authorizer = new JwtAuthorizer(keys, JwtSettings.LOCAL, clock);
    }

    @Test
    void shouldAllowAndFlattenClaims_whenTokenIsValid() {
        String token = issuer.issue("alice", Duration.ofMinutes(5),
                Map.of("groups", List.of("admin", "user"), "scope", "images.read images.write"));

        JwtAuthorizer.Result result = authorizer.authorize("Bearer " + token);

        assertThat(result.allowed()).isTrue();
        assertThat(result.claims()).containsEntry("sub", "alice")
                .containsEntry("iss", JwtSettings.LOCAL.issuer())
                .containsEntry("groups", "[admin user]")
                .containsEntry("exp", Long.toString(NOW.plusSeconds(300).getEpochSecond()));
        assertThat(result.scopes()).containsExactly("images.read", "images.write");
    }

    @Test
    void shouldAcceptTheTokenWithoutBearerPrefix_likeApiGateway() {
        assertThat(authorizer.authorize(issuer.issue("alice", Duration.ofMinutes(5), Map.of())).allowed()).isTrue();
    }

    @Test
    void shouldKeepTheKey_whenTheDataDirIsReopened() {
        String token = issuer.issue("alice", Duration.ofMinutes(5), Map.of());

        JwtAuthorizer reopened = new JwtAuthorizer(SigningKeys.inDataDir(dataDir), JwtSettings.LOCAL, clock);

        assertThat(reopened.authorize(token).allowed()).isTrue();
    }

    @Test
    void shouldDeny_whenHeaderIsMissingOrNotAJwt() {
        assertThat(authorizer.authorize(null).reason()).contains("missing");
        assertThat(authorizer.authorize(null).wwwAuthenticate()).isEqualTo("Bearer");
        assertThat(authorizer.authorize("Bearer not-a-token").allowed()).isFalse();
    }

    @Test
    void shouldDeny_whenTokenExpired() {
        String token = issuer.sign(claims().expirationTime(Date.from(NOW.minusSeconds(120))).build());

        assertThat(authorizer.authorize(token).reason()).isEqualTo("token expired");
    }

    @Test
    void shouldDeny_whenTokenHasNoExpiry() {
        String token = issuer.sign(claims().expirationTime(null).build());

        assertThat(authorizer.authorize(token).allowed()).isFalse();
    }

    @Test
    void shouldDeny_whenTokenIsNotValidYet() {
        String token = issuer.sign(claims().notBeforeTime(Date.from(NOW.plusSeconds(600))).build());

        assertThat(authorizer.authorize(token).reason()).isEqualTo("token not valid yet");
    }

    @Test
    void shouldDeny_whenIssuerIsAnother() {
        String token = issuer.sign(claims().issuer("https://idp.example.com").build());

        assertThat(authorizer.authorize(token).reason()).contains("issuer");
    }

    @Test
    void shouldDeny_whenAudienceIsAnother() {
        String token = issuer.sign(claims().audience("another-api").build());

        assertThat(authorizer.authorize(token).reason()).contains("audience");
        assertThat(authorizer.authorize(token).wwwAuthenticate()).isEqualTo("Bearer scope=\"\" error=\"invalid_token\""
                + " error_description=\"the token does not have a valid audience\"");
    }

    @Test
    void shouldDeny_whenSignedByAnotherKeyWithTheSameKeyId() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(keys.signingKey().getKeyID()).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(impostor.getKeyID()).build(),
                claims().build());
        jwt.sign(new RSASSASigner(impostor));

        assertThat(authorizer.authorize(jwt.serialize()).reason()).isEqualTo("bad signature");
    }

    @Test
    void shouldDeny_whenAlgorithmIsNoneOrHmac() throws Exception {
        String unsigned = new PlainJWT(claims().build()).serialize();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keys.signingKey().getKeyID()).build(), claims().build());
        hmac.sign(new MACSigner(new byte[32]));

        assertThat(authorizer.authorize(unsigned).allowed()).isFalse();
        assertThat(authorizer.authorize(hmac.serialize()).reason()).contains("HS256");
    }

    @Test
    void shouldServeOnlyThePublicKey_inTheJwks() {
        String jwks = keys.publicKeys().toString();

        assertThat(jwks).contains("\"kty\":\"RSA\"", "\"n\"", "\"e\"").doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("alice").issuer(JwtSettings.LOCAL.issuer())
                .audience(JwtSettings.LOCAL.audience()).expirationTime(Date.from(NOW.plusSeconds(300)));
    }
}
