package io.mocplatform.devstack.gateway;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API Gateway's {@code $default} stage throttling: a token bucket per route with the stage's default route settings
 * (capacity {@code burstLimit} requests, refilled at {@code rateLimit} per second). A request finding its route's
 * bucket empty is answered 429 without reaching the authorizer or the function.
 */
public final class RouteThrottle {

    /**
     * The stage's limits.
     *
     * @param burstLimit bucket capacity (requests)
     * @param rateLimit  refill rate (requests per second)
     */
    public record Limits(int burstLimit, double rateLimit) {

        /**
         * The http-api Terraform module's defaults ({@code throttling.burst_limit = 100}, {@code rate_limit = 50};
         * {@code RouteThrottleTest} reads them from {@code variables.tf} so the two cannot drift).
         */
        public static final Limits TERRAFORM_DEFAULT = new Limits(100, 50);

        public Limits {
            if (burstLimit < 1 || !(rateLimit > 0)) {
                throw new IllegalArgumentException("burst and rate limits must be positive: " + burstLimit + ", "
                        + rateLimit);
            }
        }
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RouteThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public Limits limits() {
        return limits;
    }

    /** Takes one token from the route's bucket; false when it is empty. */
    public boolean tryAcquire(String routeKey) {
        return buckets.computeIfAbsent(routeKey, k -> new Bucket(limits.burstLimit(), clock.millis()))
                .tryAcquire(clock.millis());
    }

    private final class Bucket {
        private double tokens;
        private long lastRefillMillis;

        private Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastRefillMillis = now;
        }

        synchronized boolean tryAcquire(long now) {
            if (now > lastRefillMillis) {
                tokens = Math.min(limits.burstLimit(), tokens + (now - lastRefillMillis) * limits.rateLimit() / 1000);
                lastRefillMillis = now;
            }
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
