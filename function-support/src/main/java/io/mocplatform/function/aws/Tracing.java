package io.mocplatform.function.aws;

import com.amazonaws.xray.entities.TraceHeader;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.Optional;

/**
 * The one seam to the tracing SDK. The X-Ray SDK for Java is in maintenance; keeping every use of it here makes
 * a later move to OpenTelemetry a change to this class alone.
 */
public final class Tracing {

    private static final String LAMBDA_TRACE_ENV = "_X_AMZN_TRACE_ID";

    private Tracing() {
    }

    /**
     * The interceptor that records AWS SDK calls as subsegments. X-Ray's own interceptor is created at the first
     * request that runs through it, not here: creating it reads its operation manifest with Jackson-databind
     * (hundreds of classes), which a cold start that makes no AWS call should not pay. One instance may serve
     * every client: it keeps no state between requests.
     */
    public static ExecutionInterceptor sdkInterceptor() {
        return new LazyExecutionInterceptor(() -> new TracingInterceptor());
    }

    /** The trace header of the invocation in progress (Lambda sets it per invocation), if any. */
    public static Optional<String> currentTraceHeader() {
        String fromProperty = System.getProperty("com.amazonaws.xray.traceHeader");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Optional.of(fromProperty);
        }
        return Optional.ofNullable(System.getenv(LAMBDA_TRACE_ENV)).filter(h -> !h.isBlank());
    }

    /** The X-Ray trace id ({@code 1-5759e988-bd862e3fe1be46a994272793}) from a trace header, if it has one. */
    public static Optional<String> traceId(String traceHeader) {
        if (traceHeader == null || traceHeader.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(TraceHeader.fromString(traceHeader).getRootTraceId()).map(Object::toString);
    }
}
