package io.mocplatform.function.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.SsmException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads SecureString parameters from SSM Parameter Store through the SDK's {@link SsmClient} (so throttling during
 * a burst of cold starts is retried by the SDK, and each read is an X-Ray subsegment like every other AWS call),
 * and keeps each value for a short time: a warm container does not call SSM per request, and a value changed in
 * SSM (a rotated Gemini key) reaches running containers within the time to live.
 *
 * <p>Values are read at first use, never at start-up: a SnapStart snapshot then holds no secret, and a function
 * that never needs the value never calls SSM. Every failure is a {@link ParameterUnavailableException} naming
 * the parameter and SSM's answer; each caller decides what that means for its request (a retry for the processor,
 * a 503 for the APIs).
 */
public final class SsmParameterReader {

    private final SsmClient ssm;
    private final Clock clock;
    private final Duration timeToLive;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SsmParameterReader(SsmClient ssm, Clock clock, Duration timeToLive) {
        this.ssm = ssm;
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    /** The decrypted value; read from SSM at the first call and again once the cached value is older than the TTL. */
    public String secureString(String name) {
        Instant now = clock.instant();
        Cached cached = cache.get(name);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return cached.value();
        }
        // Two callers racing past an expiry both read SSM once; harmless, and no lock is held across the call.
        String value = fetch(name);
        cache.put(name, new Cached(value, now.plus(timeToLive)));
        return value;
    }

    private String fetch(String name) {
        GetParameterResponse response;
        try {
            response = ssm.getParameter(request -> request.name(name).withDecryption(true));
        } catch (SsmException e) {
            // Missing parameter or access denied (after the SDK's retries for throttling): a deployment fault.
            throw new ParameterUnavailableException("SSM answered " + e.statusCode() + " "
                    + (e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode()) + " for " + name, e);
        } catch (SdkException e) {
            throw new ParameterUnavailableException("SSM could not be read for " + name + ": " + e.getMessage(), e);
        }
        if (response.parameter() == null || response.parameter().value() == null) {
            throw new ParameterUnavailableException("SSM returned no value for " + name);
        }
        return response.parameter().value();
    }

    private record Cached(String value, Instant expiresAt) {
    }
}
