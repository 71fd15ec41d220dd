package io.mocplatform.testkit;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.function.aws.ParameterUnavailableException;
import io.mocplatform.function.aws.SsmParameterReader;
import io.mocplatform.testkit.ssm.SsmStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Parameter Store stand-in, read by the functions' own reader: the SDK's SSM client as a function's Micronaut
 * context builds it (its key, judged by its role at the edge), with the reader's time-to-live cache.
 */
@WithLocalAws
class SsmStandInIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TTL = Duration.ofMinutes(5);

    @Test
    void shouldHoldARandomCursorKeyPerEnvironment_readableByTheFunctionsReader(LocalAws aws) {
        LocalAwsEnvironment one = aws.newIsolatedEnvironment();
        LocalAwsEnvironment other = aws.newIsolatedEnvironment();

        String key = read(one.micronautPropertiesFor("job-api"), one.resources().cursorKeyParameter());

        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(read(other.micronautPropertiesFor("image-api"), other.resources().cursorKeyParameter()))
                .matches("[0-9a-f]{64}").isNotEqualTo(key);
        // Provisioning the same environment again keeps its key: cursors stay valid.
        aws.newEnvironment(one.name());
        assertThat(read(one.micronautPropertiesFor("job-api"), one.resources().cursorKeyParameter())).isEqualTo(key);
    }

    @Test
    void shouldKeepTheValueForItsTimeToLive_thenReadTheChangedValue(LocalAws aws) throws Exception {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String name = env.resources().cursorKeyParameter();
        TestClock clock = new TestClock();
        try (ApplicationContext function = ApplicationContext.run(env.micronautPropertiesFor("job-api"))) {
            SsmParameterReader reader = new SsmParameterReader(function.getBean(SsmClient.class), clock, TTL);
            int before = aws.ssm().reads(name);

            String key = reader.secureString(name);
            post(aws.ssm().endpoint(), "PutParameter", """
                    {"Name":"%s","Value":"rotated","Type":"SecureString","Overwrite":true}""".formatted(name), true);
            clock.advance(TTL.minusSeconds(1));
            assertThat(reader.secureString(name)).isEqualTo(key);
            assertThat(aws.ssm().reads(name) - before).isEqualTo(1);

            clock.advance(Duration.ofSeconds(1));
            assertThat(reader.secureString(name)).isEqualTo("rotated");
            assertThat(aws.ssm().reads(name) - before).isEqualTo(2);
        }
    }

    @Test
    void shouldRetryAThrottledRead_withTheSdksRetries(LocalAws aws) {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String name = env.resources().cursorKeyParameter();
        try (ApplicationContext function = ApplicationContext.run(env.micronautPropertiesFor("job-api"))) {
            aws.ssm().throttleNextReads(name, 2);

            assertThat(function.getBean(SsmParameterReader.class).secureString(name)).matches("[0-9a-f]{64}");
            // Two throttled answers, then the value: three calls made by one read.
            assertThat(aws.ssm().reads(name)).isEqualTo(3);
        }
    }

    @Test
    void shouldAnswerParameterNotFound_likeSsm(LocalAwsEndpoints endpoints) {
        assertThatThrownBy(() -> read(endpoints.micronautProperties(), "/moc-platform/nowhere/cursor-signing-key"))
                .isInstanceOf(ParameterUnavailableException.class)
                .hasMessageContaining("400").hasMessageContaining("ParameterNotFound")
                .hasMessageContaining("/moc-platform/nowhere/cursor-signing-key");
    }

    @Test
    void shouldRefuseUnsignedRequests_andHideSecureStringsWithoutDecryption(LocalAws aws) throws Exception {
        String name = aws.environment().resources().cursorKeyParameter();
        String key = read(aws.endpoints().micronautProperties(), name);

        HttpResponse<String> unsigned = post(aws.endpoints().ssm(), "GetParameter",
                "{\"Name\":\"" + name + "\",\"WithDecryption\":true}", false);
        // Straight to the stand-in: through the edge this made-up signature would be refused before it.
        HttpResponse<String> encrypted = post(aws.ssm().endpoint(), "GetParameter",
                "{\"Name\":\"" + name + "\"}", true);

        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("MissingAuthenticationTokenException").doesNotContain(key);
        assertThat(encrypted.statusCode()).isEqualTo(200);
        assertThat(encrypted.body()).contains("\"Type\":\"SecureString\"").doesNotContain(key);
    }

    @Test
    void shouldKeepParametersAcrossARestart_whenGivenAStateFile(@TempDir Path dir, LocalAwsEndpoints endpoints)
            throws Exception {
        Path state = dir.resolve("ssm").resolve("parameters.json");
        try (SsmStandIn first = SsmStandIn.start(0, "eu-west-2", "000000000000", state)) {
            assertThat(first.putSecureStringIfAbsent("/moc-platform/dev/cursor-signing-key", "kept")).isTrue();
            HttpResponse<String> overwrite = post(first.endpoint(), "PutParameter",
                    "{\"Name\":\"/moc-platform/dev/cursor-signing-key\",\"Value\":\"other\",\"Type\":\"SecureString\"}",
                    true);
            assertThat(overwrite.body()).contains("ParameterAlreadyExists");
        }
        try (SsmStandIn second = SsmStandIn.start(0, "eu-west-2", "000000000000", state)) {
            assertThat(second.putSecureStringIfAbsent("/moc-platform/dev/cursor-signing-key", "new")).isFalse();
            Map<String, Object> straightToTheStandIn = new java.util.LinkedHashMap<>(endpoints.micronautProperties());
            straightToTheStandIn.put("aws.services.ssm.endpoint-override", second.endpoint().toString());
            assertThat(read(straightToTheStandIn, "/moc-platform/dev/cursor-signing-key")).isEqualTo("kept");
        }
    }

    /** One read by the reader a function's context builds from these properties. */
    private static String read(Map<String, Object> properties, String name) {
        try (ApplicationContext function = ApplicationContext.run(properties)) {
            return function.getBean(SsmParameterReader.class).secureString(name);
        }
    }

    /** A clock the test moves: the cache's expiry without waiting for it. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** A raw AWS JSON 1.1 call; "signed" only adds an Authorization header, which the stand-in requires. */
    private static HttpResponse<String> post(URI endpoint, String operation, String body, boolean signed)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AmazonSSM." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signed) {
            request.header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20261123/eu-west-2/ssm/aws4_request");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
