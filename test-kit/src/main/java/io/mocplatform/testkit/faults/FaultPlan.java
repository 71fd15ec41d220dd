package io.mocplatform.testkit.faults;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which share of each service's requests gets a fault, as {@code ./devstack.sh --faults dynamodb=0.1,s3=0.05} and
 * tests give it: {@code <service>=<share>} entries ({@code dynamodb}, {@code s3}, {@code sqs}, {@code sns}; share
 * from 0 to 1) and optionally {@code slow=<milliseconds>}, how long a slow answer is held back (default 1500).
 *
 * @param shares    fault probability per service; services not named get none
 * @param slowDelay how long a {@link FaultKind#SLOW} answer is delayed
 */
public record FaultPlan(Map<AwsService, Double> shares, Duration slowDelay) {

    /** No faults anywhere. */
    public static final FaultPlan NONE = new FaultPlan(Map.of(), Duration.ofMillis(1500));

    public FaultPlan {
        shares.forEach((service, share) -> {
            if (share == null || share.isNaN() || share < 0 || share > 1) {
                throw new IllegalArgumentException("fault share for " + service.key() + " must be between 0 and 1, got "
                        + share);
            }
        });
        Map<AwsService, Double> copy = new EnumMap<>(AwsService.class);
        copy.putAll(shares);
        shares = Collections.unmodifiableMap(copy);
        if (slowDelay.isNegative()) {
            throw new IllegalArgumentException("slow delay must not be negative: " + slowDelay);
        }
    }

    /** The same share for all four services. */
    public static FaultPlan everywhere(double share) {
        Map<AwsService, Double> shares = new EnumMap<>(AwsService.class);
        for (AwsService service : AwsService.values()) {
            shares.put(service, share);
        }
        return new FaultPlan(shares, NONE.slowDelay());
    }

    /** Parses {@code dynamodb=0.1,s3=0.05,slow=2000}; a blank text is {@link #NONE}. */
    public static FaultPlan parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<AwsService, Double> shares = new EnumMap<>(AwsService.class);
        Duration slow = NONE.slowDelay();
        for (String entry : text.split(",")) {
            String[] pair = entry.trim().split("=", 2);
            if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw new IllegalArgumentException("fault plan entry '" + entry.trim()
                        + "' is not <service>=<share>, e.g. dynamodb=0.1");
            }
            String key = pair[0].trim();
            String value = pair[1].trim();
            try {
                if (key.equals("slow")) {
                    slow = Duration.ofMillis(Long.parseLong(value));
                } else if (shares.put(AwsService.fromKey(key), Double.parseDouble(value)) != null) {
                    throw new IllegalArgumentException("service '" + key + "' named twice in fault plan");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault plan entry '" + entry.trim() + "' has no number after '='");
            }
        }
        return new FaultPlan(shares, slow);
    }

    /** The share of the service's requests that get a fault. */
    public double share(AwsService service) {
        return shares.getOrDefault(service, 0.0);
    }
}
