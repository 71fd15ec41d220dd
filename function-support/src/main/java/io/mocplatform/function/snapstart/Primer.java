package io.mocplatform.function.snapstart;

/**
 * One warm-up step run just before Lambda takes a function's SnapStart snapshot, so that the first request after a
 * restore finds its classes loaded, its serialisers built and its hot paths already run once, instead of paying
 * for all of that itself.
 *
 * <p>A primer drives the function's own code with a synthetic input that touches no real data, for example a
 * routed request for an id that cannot exist (its 404 exercises routing, the filters, the DynamoDB read path and
 * problem+json rendering) or a parse and render of a queue message. The rules:
 * <ul>
 *   <li><b>Never write.</b> A read of an id that cannot exist already loads the SDK's marshallers and HTTP client.</li>
 *   <li><b>Keep nothing it produced.</b> An id, a random value, a token or a credential obtained here would be
 *       cloned into every instance restored from the snapshot.</li>
 *   <li><b>Expect to fail.</b> There is no X-Ray segment and the network may refuse; a failure is logged and the
 *       snapshot is taken anyway (a cold path is slower, not wrong).</li>
 * </ul>
 * Primers run only inside the checkpoint hook ({@link PrimingResource}), never on an ordinary cold start.
 * Implementations are Micronaut beans; order them with {@link io.micronaut.core.order.Ordered} if it matters.
 */
@FunctionalInterface
public interface Primer {

    /** Runs the warm-up once. Whatever it throws is logged and does not stop the checkpoint. */
    void prime() throws Exception;

    /** Name used in the priming log line; the implementing class by default. */
    default String name() {
        return getClass().getSimpleName();
    }
}
