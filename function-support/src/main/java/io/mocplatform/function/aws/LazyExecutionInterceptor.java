package io.mocplatform.function.aws;

import org.reactivestreams.Publisher;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stands in for an SDK interceptor that is expensive to create, and creates it at the first hook of the first
 * request (once, whichever thread gets there first), then hands every hook to it. Clients are built at start-up
 * or at a function's first request, and X-Ray's interceptor reads its operation manifest with Jackson-databind
 * when it is created: behind this class that cost moves to the first traced AWS call, and a request that makes
 * none (a rejected API request) never pays it.
 */
final class LazyExecutionInterceptor implements ExecutionInterceptor {

    private final Supplier<? extends ExecutionInterceptor> factory;
    private volatile ExecutionInterceptor delegate;

    LazyExecutionInterceptor(Supplier<? extends ExecutionInterceptor> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** Whether a request has run through this interceptor, so that the real one exists. */
    boolean created() {
        return delegate != null;
    }

    private ExecutionInterceptor delegate() {
        ExecutionInterceptor current = delegate;
        if (current == null) {
            synchronized (this) {
                current = delegate;
                if (current == null) {
                    current = Objects.requireNonNull(factory.get(), "the interceptor factory returned null");
                    delegate = current;
                }
            }
        }
        return current;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        delegate().beforeExecution(context, attributes);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return delegate().modifyRequest(context, attributes);
    }

    @Override
    public void beforeMarshalling(Context.BeforeMarshalling context, ExecutionAttributes attributes) {
        delegate().beforeMarshalling(context, attributes);
    }

    @Override
    public void afterMarshalling(Context.AfterMarshalling context, ExecutionAttributes attributes) {
        delegate().afterMarshalling(context, attributes);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return delegate().modifyHttpRequest(context, attributes);
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
                                                   ExecutionAttributes attributes) {
        return delegate().modifyHttpContent(context, attributes);
    }

    @Override
    public Optional<AsyncRequestBody> modifyAsyncHttpContent(Context.ModifyHttpRequest context,
                                                             ExecutionAttributes attributes) {
        return delegate().modifyAsyncHttpContent(context, attributes);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        delegate().beforeTransmission(context, attributes);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        delegate().afterTransmission(context, attributes);
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        return delegate().modifyHttpResponse(context, attributes);
    }

    @Override
    public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
                                                                          ExecutionAttributes attributes) {
        return delegate().modifyAsyncHttpResponseContent(context, attributes);
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        return delegate().modifyHttpResponseContent(context, attributes);
    }

    @Override
    public void beforeUnmarshalling(Context.BeforeUnmarshalling context, ExecutionAttributes attributes) {
        delegate().beforeUnmarshalling(context, attributes);
    }

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        delegate().afterUnmarshalling(context, attributes);
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        return delegate().modifyResponse(context, attributes);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        delegate().afterExecution(context, attributes);
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        return delegate().modifyException(context, attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        delegate().onExecutionFailure(context, attributes);
    }
}
