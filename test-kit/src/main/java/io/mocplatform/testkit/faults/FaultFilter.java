package io.mocplatform.testkit.faults;

import io.mocplatform.testkit.edge.EdgeFilter;
import io.mocplatform.testkit.edge.EdgeRequest;
import io.mocplatform.testkit.edge.EdgeResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link FaultInjector} on the AWS edge: a request a function signed (its own key, judged by its role) gets the
 * injector's decision: the service's throttling or 500 answer instead of the emulator's, or the emulator's answer
 * after the slow delay. Only the functions' calls: the administrator's key (tests checking the outcome, the AWS CLI,
 * the SNS stand-in delivering to SQS) and SSM pass untouched, so a test's own reads never fail by injection.
 * Add it with {@code aws.edge().addFilter(new FaultFilter(injector))}.
 */
public final class FaultFilter implements EdgeFilter {

    private final FaultInjector injector;

    public FaultFilter(FaultInjector injector) {
        this.injector = injector;
    }

    public FaultInjector injector() {
        return injector;
    }

    @Override
    public EdgeResponse filter(EdgeRequest request, Chain next) throws IOException {
        Optional<AwsService> service = service(request.service());
        boolean byFunction = request.caller().flatMap(caller -> caller.functionRole()).isPresent();
        if (service.isEmpty() || !byFunction) {
            return next.proceed(request);
        }
        Optional<FaultInjector.Fault> fault = injector.decide(service.get());
        if (fault.isEmpty()) {
            return next.proceed(request);
        }
        if (fault.get().response().isPresent()) {
            return answer(fault.get().response().get());
        }
        try {
            Thread.sleep(fault.get().delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while holding a slow answer back");
        }
        return next.proceed(request);
    }

    private static EdgeResponse answer(CannedResponse canned) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        canned.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        byte[] body = canned.body();
        return new EdgeResponse(canned.status(), headers, body.length, new ByteArrayInputStream(body));
    }

    private static Optional<AwsService> service(io.mocplatform.testkit.edge.AwsService edgeService) {
        return switch (edgeService) {
            case DYNAMODB -> Optional.of(AwsService.DYNAMODB);
            case S3 -> Optional.of(AwsService.S3);
            case SQS -> Optional.of(AwsService.SQS);
            case SNS -> Optional.of(AwsService.SNS);
            case SSM -> Optional.empty();
        };
    }
}
