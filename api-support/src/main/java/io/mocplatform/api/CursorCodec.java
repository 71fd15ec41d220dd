package io.mocplatform.api;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Opaque, tamper-evident pagination cursors. A cursor carries DynamoDB's last evaluated key (string attributes
 * only, as all our keys are) and is signed with HMAC-SHA256 over the key <em>and</em> a scope (the caller and
 * the listing it came from), so a cursor cannot be edited or replayed by another user or on another listing.
 * A bad cursor is a 400 {@code invalid_cursor} problem, never a 500.
 */
@Singleton
public class CursorCodec {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;

    public CursorCodec(@Value("${api.cursor.secret:moc-platform-cursors}") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
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
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("invalid_cursor",
                "The cursor is not one this API issued for this listing; start again without a cursor.");
    }
}
