package io.mocplatform.devstack.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The local identity provider's RS256 key pair, kept in the data directory ({@code jwt/signing-key.json}, owner
 * read/write only) so tokens printed by {@code token} stay valid across restarts. Only the public half is ever
 * served (the JWKS).
 */
public final class SigningKeys {

    static final String FILE = "jwt/signing-key.json";
    private static final int KEY_BITS = 2048;

    private final RSAKey key;

    private SigningKeys(RSAKey key) {
        this.key = key;
    }

    /** Loads the data directory's key, creating it on first use. */
    public static SigningKeys inDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return new SigningKeys(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not an RSA JWK; delete it to get a new key", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        RSAKey generated;
        try {
            generated = new RSAKeyGenerator(KEY_BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("devstack-" + UUID.randomUUID().toString().substring(0, 8)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
        Path staging = Files.createTempFile(file.getParent(), "signing-key", ".tmp");
        try {
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies.
        }
        Files.writeString(staging, generated.toJSONString(), StandardCharsets.UTF_8);
        try {
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
            // Another process (say, "token" while the stack starts) created it first: use theirs.
            Files.deleteIfExists(staging);
        }
    }

    /** The private key, for signing tokens. */
    RSAKey signingKey() {
        return key;
    }

    /** The public key set, as {@code /.well-known/jwks.json} serves it. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }
}
