package io.mocplatform.processor.domain;

/** Model tokens spent on one analysis and what they are estimated to cost. */
public record TokenUsage(long inputTokens, long outputTokens, double estimatedCostUsd) {

    /** No model was called. */
    public static TokenUsage none() {
        return new TokenUsage(0, 0, 0.0);
    }
}
