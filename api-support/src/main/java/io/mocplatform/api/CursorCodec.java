package io.mocplatform.api;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.mocplatform.function.aws.ParameterUnavailableException;
import io.mocplatform.function.aws.SsmParameterReader;
import jakarta.inject.Inject;
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
 * Parameter Store stand-in locally), read the first time a cursor is signed or checked and kept for the
 * container's life, so a SnapStart snapshot holds no key. Without the variable the function does not start (the
 * codec is created with the context for that reason). When SSM cannot be read, listings that need the key answer
 * 503 {@code cursor_key_unavailable}, and SSM is asked again only after the {@code Retry-After} pause, so an
 * outage does not turn every listing into a slow SSM call. Rotating the key ({@code CURSOR_KEY_VERSION}, which
 * changes the function's configuration so new containers replace the old) invalidates the cursors already
 * handed out: their holders get {@code invalid_cursor} and list again from the start.
 */
@Context
public class CursorCodec {

    private static final Logger LOG = LoggerFactory.getLogger(CursorCodec.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String ALGORITHM = "HmacSHA256";
    private static final Duration KEY_RETRY_AFTER = Duration.ofSeconds(5);

    private final Supplier<String> keySource;
    private final String keyName;
    private final Duration retryPause;
    private volatile SecretKeySpec key;
    /** {@link System#nanoTime()} before which a failed read is not retried; null when none failed. */
    private volatile Long retryNotBefore;

    @Inject
    public CursorCodec(@Value("${api.cursor.secret-parameter:}") String secretParameter,
                       @Value("${api.cursor.key-version:unknown}") String keyVersion,
                       BeanProvider<SsmParameterReader> parameters) {
        this(secretParameter, keyVersion, parameters, KEY_RETRY_AFTER);
    }

    CursorCodec(String secretParameter, String keyVersion, BeanProvider<SsmParameterReader> parameters,
                Duration retryPause) {
        if (secretParameter.isBlank()) {
            throw new ConfigurationException("No cursor signing key: set CURSOR_KEY_PARAMETER to the SSM "
                    + "SecureString that Terraform creates (property api.cursor.secret-parameter)");
        }
        this.keySource = () -> parameters.get().secureString(secretParameter);
        this.keyName = "version " + keyVersion + " read from " + secretParameter;
        this.retryPause = retryPause;
    }

    private CursorCodec(String secret) {
        this.keySource = () -> secret;
        this.keyName = "given in code";
        this.retryPause = KEY_RETRY_AFTER;
    }

    /** A codec with a literal key, for tests that need no application context. */
    static CursorCodec withKey(String secret) {
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
        if (current != null) {
            return current;
        }
        Long notBefore = retryNotBefore;
        if (notBefore != null && System.nanoTime() - notBefore < 0) {
            throw keyUnavailable();
        }
        try {
            current = new SecretKeySpec(keySource.get().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        } catch (ParameterUnavailableException e) {
            // A deployment fault, not the caller's: the operator sees SSM's answer, the client a short wait.
            retryNotBefore = System.nanoTime() + retryPause.toNanos();
            LOG.error("cursor signing key unavailable: {}", e.getMessage(), e);
            throw keyUnavailable();
        }
        key = current;
        retryNotBefore = null;
        LOG.info("cursor signing key {}", keyName);
        return current;
    }

    private ProblemException keyUnavailable() {
        return ProblemException.unavailable("cursor_key_unavailable",
                "Listings are unavailable for a moment; try again shortly.", retryPause);
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("invalid_cursor",
                "The cursor is not one this API issued for this listing; start again without a cursor.");
    }
}
