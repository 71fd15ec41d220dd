package io.mocplatform.imageapi.domain;

/**
 * Follows a JPEG's marker segments byte by byte until the first start-of-scan, then watches the entropy-coded
 * data for the end-of-image marker. Skipping the header segments by their lengths matters: an EXIF thumbnail in
 * APP1 is a complete JPEG of its own and would otherwise supply an end marker for a truncated main image.
 */
final class JpegEndDetector {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int TEM = 0x01;

    private enum State { EXPECT_FF, MARKER, LENGTH_HIGH, LENGTH_LOW, SKIP, SCAN, SCAN_FF, DONE, INVALID }

    private State state = State.EXPECT_FF;
    private int marker;
    private int length;
    private long remaining;

    void update(byte[] buffer, int offset, int count) {
        for (int i = offset; i < offset + count && state != State.DONE && state != State.INVALID; i++) {
            step(buffer[i] & 0xFF);
        }
    }

    /** Whether an end-of-image marker followed the first scan. */
    boolean endSeen() {
        return state == State.DONE;
    }

    private void step(int b) {
        switch (state) {
            case EXPECT_FF -> state = b == 0xFF ? State.MARKER : State.INVALID;
            case MARKER -> onMarker(b);
            case LENGTH_HIGH -> {
                length = b << 8;
                state = State.LENGTH_LOW;
            }
            case LENGTH_LOW -> {
                length |= b;
                remaining = length - 2L;
                if (remaining < 0) {
                    state = State.INVALID;
                } else if (remaining == 0) {
                    afterSegment();
                } else {
                    state = State.SKIP;
                }
            }
            case SKIP -> {
                if (--remaining == 0) {
                    afterSegment();
                }
            }
            case SCAN -> {
                if (b == 0xFF) {
                    state = State.SCAN_FF;
                }
            }
            case SCAN_FF -> {
                if (b == EOI) {
                    state = State.DONE;
                } else if (b != 0xFF) {
                    // Stuffed zero, restart marker, or the next segment of a progressive JPEG: keep scanning.
                    state = State.SCAN;
                }
            }
            default -> { }
        }
    }

    private void onMarker(int b) {
        marker = b;
        if (b == 0xFF) {
            return; // fill byte
        }
        if (b == SOI || b == TEM || (b >= 0xD0 && b <= 0xD7)) {
            state = State.EXPECT_FF;
        } else if (b == EOI) {
            // An end before any scan: a header-only file, never a complete image.
            state = State.INVALID;
        } else {
            state = State.LENGTH_HIGH;
        }
    }

    private void afterSegment() {
        state = marker == SOS ? State.SCAN : State.EXPECT_FF;
    }
}
