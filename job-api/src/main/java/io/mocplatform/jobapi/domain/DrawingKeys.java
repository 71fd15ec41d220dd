package io.mocplatform.jobapi.domain;

/** Where uploaded drawings live in the drawings bucket. */
public final class DrawingKeys {

    /** Prefix id of drawings ({@code drw_<20 base-32 chars>}). */
    public static final String DRAWING_ID_PREFIX = "drw";

    private DrawingKeys() {
    }

    /** {@code drawings/<owner>/<drawing_id>.pdf}: the owner in the key keeps one user from naming another's upload. */
    public static String of(String owner, String drawingId) {
        return "drawings/" + owner + "/" + drawingId + ".pdf";
    }
}
