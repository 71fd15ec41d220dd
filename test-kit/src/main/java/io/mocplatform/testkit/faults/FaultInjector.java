package io.mocplatform.testkit.faults;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Decides, request by request, whether an emulated service misbehaves, following a {@link FaultPlan}: with the
 * service's share the request gets a fault, whose kind is throttling, a 500 or a slow answer in equal parts. It
 * only decides and counts; the loopback front that every SDK request passes through (the test kit's edge, or a
 * test's own stub) applies the decision with {@link FaultResponses}. Thread-safe.
 */
public final class FaultInjector {

    /**
     * One decision.
     *
     * @param service  the service asked
     * @param kind     what happens to the request
     * @param response what to answer instead, for {@link FaultKind#THROTTLE} and {@link FaultKind#SERVER_ERROR}
     * @param delay    how long to hold the request back, for {@link FaultKind#SLOW}
     */
    public record Fault(AwsService service, FaultKind kind, Optional<CannedResponse> response,
                        java.time.Duration delay) {
    }

    private static final FaultKind[] KINDS = FaultKind.values();

    private final FaultPlan plan;
    private final RandomGenerator random;
    private final Map<AwsService, Map<FaultKind, AtomicLong>> injected = new EnumMap<>(AwsService.class);
    private final Map<AwsService, AtomicLong> requests = new EnumMap<>(AwsService.class);

    public FaultInjector(FaultPlan plan, RandomGenerator random) {
        this.plan = plan;
        this.random = random;
        for (AwsService service : AwsService.values()) {
            requests.put(service, new AtomicLong());
            Map<FaultKind, AtomicLong> byKind = new EnumMap<>(FaultKind.class);
            for (FaultKind kind : KINDS) {
                byKind.put(kind, new AtomicLong());
            }
            injected.put(service, byKind);
        }
    }

    public FaultPlan plan() {
        return plan;
    }

    /** Whether this request to the service gets a fault, and which. */
    public Optional<Fault> decide(AwsService service) {
        requests.get(service).incrementAndGet();
        double share = plan.share(service);
        double roll;
        int pick;
        synchronized (random) {
            roll = random.nextDouble();
            pick = random.nextInt(KINDS.length);
        }
        if (share <= 0 || roll >= share) {
            return Optional.empty();
        }
        FaultKind kind = KINDS[pick];
        injected.get(service).get(kind).incrementAndGet();
        return Optional.of(switch (kind) {
            case THROTTLE -> new Fault(service, kind, Optional.of(FaultResponses.throttling(service)),
                    java.time.Duration.ZERO);
            case SERVER_ERROR -> new Fault(service, kind, Optional.of(FaultResponses.serverError(service)),
                    java.time.Duration.ZERO);
            case SLOW -> new Fault(service, kind, Optional.empty(), plan.slowDelay());
        });
    }

    /** Requests seen per service. */
    public long requests(AwsService service) {
        return requests.get(service).get();
    }

    /** Faults injected into the service's requests, of one kind. */
    public long injected(AwsService service, FaultKind kind) {
        return injected.get(service).get(kind).get();
    }

    /** Faults injected into the service's requests, all kinds. */
    public long injected(AwsService service) {
        return injected.get(service).values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** e.g. {@code dynamodb 41/402 (throttle 14, server_error 13, slow 14), s3 …}, for logs and reports. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (AwsService service : AwsService.values()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(service.key()).append(' ').append(injected(service)).append('/').append(requests(service))
                    .append(" (throttle ").append(injected(service, FaultKind.THROTTLE))
                    .append(", server_error ").append(injected(service, FaultKind.SERVER_ERROR))
                    .append(", slow ").append(injected(service, FaultKind.SLOW)).append(')');
        }
        return text.toString();
    }
}
