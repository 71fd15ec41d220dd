package io.mocplatform.testkit.edge;

import java.io.IOException;

/**
 * One step between a client and an emulator. A filter answers a request itself (an AWS error, a fault it injects)
 * or passes it on with {@code next.proceed(request)}, possibly after a pause, and may look at or replace the
 * answer coming back. Filters run in the order they were added to {@link AwsEdge}; after the last one the request
 * goes to the emulator unchanged.
 *
 * <pre>{@code
 * EdgeFilter throttleDynamoDb = (request, next) -> request.service() == AwsService.DYNAMODB
 *         ? EdgeResponse.of(400, "application/x-amz-json-1.0", throttlingJson)
 *         : next.proceed(request);
 * }</pre>
 *
 * Filters run on the request's own (virtual) thread, concurrently with other requests: keep them thread-safe.
 */
@FunctionalInterface
public interface EdgeFilter {

    EdgeResponse filter(EdgeRequest request, Chain next) throws IOException;

    /** The rest of the chain: the following filters, then the emulator. */
    @FunctionalInterface
    interface Chain {
        EdgeResponse proceed(EdgeRequest request) throws IOException;
    }
}
