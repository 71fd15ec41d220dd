package io.mocplatform.jobapi.domain;

import io.mocplatform.model.IdGenerator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request to process an uploaded drawing.
 *
 * @param owner          the caller
 * @param drawingId      the drawing from {@code POST /drawings}
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
 * @param correlationId  the request's correlation id, which becomes the job's
 */
public record SubmitJob(String owner, String drawingId, String idempotencyKey, String correlationId) {

    /** Printable ASCII without spaces, as most clients generate (UUIDs, ULIDs, hashes). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    public SubmitJob {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(correlationId, "correlation id");
        if (drawingId == null || drawingId.isBlank()) {
            throw new JobRejectedException(JobRejectedException.Reason.INVALID, "drawing_id is required");
        }
        if (!IdGenerator.isId(DrawingKeys.DRAWING_ID_PREFIX, drawingId)) {
            throw new JobRejectedException(JobRejectedException.Reason.INVALID,
                    "drawing_id must be an id returned by POST /drawings (drw_ and 20 characters)");
        }
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw new JobRejectedException(JobRejectedException.Reason.INVALID,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces");
        }
    }

    public Optional<String> idempotencyKeyIfAny() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * Identifies the request's meaning, not its bytes: the same drawing with other whitespace or field order is
     * the same request, another drawing is not.
     */
    public String fingerprint() {
        return sha256("drawing_id=" + drawingId);
    }

    /** Where the key's claim is stored: a hash, so the raw key (a client secret of sorts) is never persisted. */
    public Optional<String> idempotencyId() {
        return idempotencyKeyIfAny().map(key -> sha256(owner + "|" + key));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
