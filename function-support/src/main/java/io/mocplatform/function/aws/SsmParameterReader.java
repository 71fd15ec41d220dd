package io.mocplatform.function.aws;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads SecureString parameters from SSM Parameter Store with one SigV4-signed {@code GetParameter} call
 * (AWS JSON 1.1), and keeps each value for the container's life. The SDK's own {@code ssm} module is not
 * available from the build's repository at the pinned SDK version; this one call is all the functions need of it
 * (the processor's Gemini key, the APIs' cursor signing key).
 *
 * <p>Values are read at first use, never at start-up: a SnapStart snapshot then holds no secret, and a function
 * that never needs the value never calls SSM. Every failure is a {@link ParameterUnavailableException}; each
 * caller decides what that means for its request (a retry for the processor, a 503 for the APIs).
 */
public final class SsmParameterReader {

    /** Headers java.net.http sets itself and refuses from callers; they are signed with the values it will send. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final JsonMapper json;
    private final HttpClient http;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public SsmParameterReader(URI endpoint, String region, AwsCredentialsProvider credentials, JsonMapper json) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The regional endpoint, or the override when one is configured (tests, local stacks). */
    public static URI endpoint(String region, String override) {
        return override == null || override.isBlank()
                ? URI.create("https://ssm." + region + ".amazonaws.com/") : URI.create(override);
    }

    /** The decrypted value; read from SSM at the first call only. */
    public String secureString(String name) {
        return cache.computeIfAbsent(name, this::fetch);
    }

    private String fetch(String name) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(new GetParameterRequest(name, true));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter").build();
        SignedRequest signed;
        try {
            signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(unsigned)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        } catch (SdkException e) {
            // No credentials (or none that sign): as much a deployment fault as a denied read.
            throw new ParameterUnavailableException("cannot sign the SSM request for " + name + ": "
                    + e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((header, values) -> {
            if (!RESTRICTED.contains(header.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(header, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ParameterUnavailableException("SSM could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParameterUnavailableException("interrupted while reading " + name, e);
        }
        if (response.statusCode() != 200) {
            // Missing parameter or access denied: a deployment fault, reported with SSM's own answer.
            throw new ParameterUnavailableException("SSM answered " + response.statusCode()
                    + " for " + name + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        try {
            GetParameterResponse parsed = json.readValue(response.body(), GetParameterResponse.class);
            if (parsed == null || parsed.parameter() == null || parsed.parameter().value() == null) {
                throw new ParameterUnavailableException("SSM returned no value for " + name);
            }
            return parsed.parameter().value();
        } catch (IOException e) {
            throw new ParameterUnavailableException("unreadable SSM answer for " + name, e);
        }
    }

    @Serdeable
    record GetParameterRequest(@JsonProperty("Name") String name, @JsonProperty("WithDecryption") boolean withDecryption) {
    }

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record GetParameterResponse(@JsonProperty("Parameter") Parameter parameter) {
    }

    @Serdeable
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Parameter(@JsonProperty("Name") String name, @JsonProperty("Value") String value) {
    }
}
