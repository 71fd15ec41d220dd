package io.mocplatform.processor.adapters.ssm;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.mocplatform.processor.domain.RetryableException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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
 * available from the build's repository at the pinned SDK version; this call is all the processor needs of it.
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
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
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
            throw new RetryableException("parameter_unavailable", "SSM could not be reached: " + e.getMessage(),
                    null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableException("parameter_unavailable", "interrupted while reading " + name, null, e);
        }
        if (response.statusCode() != 200) {
            // Missing parameter or access denied is a deployment fault: retried, then dead-lettered and alerted on.
            throw new RetryableException("parameter_unavailable", "SSM answered " + response.statusCode()
                    + " for " + name + ": " + new String(response.body(), StandardCharsets.UTF_8), null);
        }
        try {
            GetParameterResponse parsed = json.readValue(response.body(), GetParameterResponse.class);
            if (parsed == null || parsed.parameter() == null || parsed.parameter().value() == null) {
                throw new RetryableException("parameter_unavailable", "SSM returned no value for " + name, null);
            }
            return parsed.parameter().value();
        } catch (IOException e) {
            throw new RetryableException("parameter_unavailable", "unreadable SSM answer for " + name, null, e);
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
