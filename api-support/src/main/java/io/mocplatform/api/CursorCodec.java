package io.mocplatform.api;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.mocplatform.function.aws.ParameterUnavailableException;
import io.mocplatform.function.aws.SsmParameterReader;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Opaque, tamper-evident pagination cursors. A cursor carries DynamoDB's last evaluated key (string attributes
 * only, as all our keys are) and is signed with HMAC-SHA256 over the key <em>and</em> a scope (the caller and
 * the listing it came from), so a cursor cannot be edited or replayed by another user or on another listing.
 * A bad cursor is a 400 {@code invalid_cursor} problem, never a 500.
 *
 * <p>The signing key is per environment and never in code or configuration: the SSM SecureString named by
 * {@code api.cursor.secret-parameter} ({@code CURSOR_KEY_PARAMETER}; Terraform generates it in AWS, the test kit's
 * Parameter Store stand-in locally), read at the first listing and kept for the container's life, so a SnapStart
 * snapshot holds no key. Without the variable the function does not start. Rotating the key invalidates the
 * cursors already handed out: their holders get {@code invalid_cursor} and list again from the start.
 */
@Singleton
public class CursorCodec {

    private static final Logger LOG = LoggerFactory.getLogger(CursorCodec.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String ALGORITHM = "HmacSHA256";
    private static final Duration KEY_RETRY_AFTER = Duration.ofSeconds(5);

    private final Supplier<String> keySource;
    private volatile SecretKeySpec key;

    @Inject
    public CursorCodec(@Value("${api.cursor.secret-parameter:}") String secretParameter,
                       BeanProvider<SsmParameterReader> parameters) {
        if (secretParameter.isBlank()) {
            throw new ConfigurationException("No cursor signing key: set CURSOR_KEY_PARAMETER to the SSM "
                    + "SecureString that Terraform creates (property api.cursor.secret-parameter)");
        }
        this.keySource = () -> parameters.get().secureString(secretParameter);
    }

    private CursorCodec(String secret) {
        this.keySource = () -> secret;
    }

    /** A codec with a literal key, for tools and tests that need no application context. */
    public static CursorCodec withKey(String secret) {
        return new CursorCodec(secret);
    }

    /** Encodes a last evaluated key for the given scope; empty when there is no next page. */
    public Optional<String> encode(Map<String, String> lastEvaluatedKey, String scope) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder payload = new StringBuilder();
        new TreeMap<>(lastEvaluatedKey).forEach((name, value) -> {
            if (!payload.isEmpty()) {
                payload.append('&');
            }
            payload.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        byte[] body = payload.toString().getBytes(StandardCharsets.UTF_8);
        return Optional.of(ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(sign(body, scope)));
    }

    /** Decodes a cursor issued for the same scope; anything else is an {@code invalid_cursor} problem. */
    public Map<String, String> decode(String cursor, String scope) {
        try {
            int dot = cursor.indexOf('.');
            if (dot <= 0) {
                throw invalid();
            }
            byte[] body = DECODER.decode(cursor.substring(0, dot));
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(body, scope))) {
                throw invalid();
            }
            Map<String, String> key = new TreeMap<>();
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw invalid();
                }
                key.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return key;
        } catch (IllegalArgumentException malformed) {
            throw invalid();
        }
    }

    private byte[] sign(byte[] body, String scope) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The key, read once; a lost race reads the cached parameter again, which is harmless. */
    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            try {
                current = new SecretKeySpec(keySource.get().getBytes(StandardCharsets.UTF_8), ALGORITHM);
            } catch (ParameterUnavailableException e) {
                // A deployment fault, not the caller's: the operator sees SSM's answer, the client a short wait.
                LOG.error("cursor signing key unavailable: {}", e.getMessage(), e);
                throw ProblemException.unavailable("cursor_key_unavailable",
                        "Listings are unavailable for a moment; try again shortly.", KEY_RETRY_AFTER);
            }
            key = current;
        }
        return current;
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("invalid_cursor",
                "The cursor is not one this API issued for this listing; start again without a cursor.");
    }
}
