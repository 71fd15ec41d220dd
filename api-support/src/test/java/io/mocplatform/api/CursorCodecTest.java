package io.mocplatform.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.exceptions.ConfigurationException;
import io.mocplatform.function.aws.SsmParameterReader;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.net.URI;
import java.time.Clock;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private final CursorCodec codec = CursorCodec.withKey("test-secret");
    private final Map<String, String> key = Map.of("PK", "IMAGE#img_1", "GSI1SK", "UPLOADED#2026-11-23T10:00:00Z#img_1");

    @Test
    void shouldRoundTripTheKey_whenDecodedInTheSameScope() {
        String cursor = codec.encode(key, "alice|images").orElseThrow();
        assertThat(codec.decode(cursor, "alice|images")).isEqualTo(key);
    }

    @Test
    void shouldIssueNoCursor_whenThereIsNoNextPage() {
        assertThat(codec.encode(Map.of(), "alice|images")).isEmpty();
        assertThat(codec.encode(null, "alice|images")).isEmpty();
    }

    @Test
    void shouldRejectTheCursor_whenUsedByAnotherCallerOrEdited() {
        String cursor = codec.encode(key, "alice|images").orElseThrow();
        assertThatThrownBy(() -> codec.decode(cursor, "bob|images"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.slug()).isEqualTo("invalid_cursor"));
        String edited = "A" + cursor.substring(1);
        assertThatThrownBy(() -> codec.decode(edited, "alice|images")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> codec.decode("not a cursor!", "alice|images")).isInstanceOf(ProblemException.class);
    }

    @Test
    void shouldReadTheKeyFromSsmAtTheFirstCursorOnly_whenConfiguredWithAParameter() {
        WireMockServer ssm = new WireMockServer(options().dynamicPort());
        ssm.start();
        try {
            ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
                    "{\"Parameter\":{\"Name\":\"/moc-platform/dev/cursor-signing-key\",\"Value\":\"ssm-key\"}}")));
            CursorCodec fromSsm = fromSsm(ssm, Duration.ofMinutes(1));

            ssm.verify(0, postRequestedFor(urlEqualTo("/")));
            String cursor = fromSsm.encode(key, "alice|images").orElseThrow();
            assertThat(fromSsm.decode(cursor, "alice|images")).isEqualTo(key);
            ssm.verify(1, postRequestedFor(urlEqualTo("/")));
            // Signed with the parameter's value, not with some default: a codec holding that value agrees.
            assertThat(CursorCodec.withKey("ssm-key").decode(cursor, "alice|images")).isEqualTo(key);
            assertThatThrownBy(() -> codec.decode(cursor, "alice|images")).isInstanceOf(ProblemException.class);
        } finally {
            ssm.stop();
        }
    }

    @Test
    void shouldAnswerServiceUnavailable_whenTheKeyCannotBeRead() {
        WireMockServer ssm = new WireMockServer(options().dynamicPort());
        ssm.start();
        try {
            ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                    .withBody("{\"__type\":\"AccessDeniedException\"}")));
            CursorCodec fromSsm = fromSsm(ssm, Duration.ofMinutes(1));

            assertThatThrownBy(() -> fromSsm.encode(key, "alice|images"))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.status().getCode()).isEqualTo(503);
                        assertThat(p.slug()).isEqualTo("cursor_key_unavailable");
                        assertThat(p.retryAfter()).isPositive();
                        assertThat(p.getMessage()).doesNotContain("cursor-signing-key");
                    });
        } finally {
            ssm.stop();
        }
    }

    @Test
    void shouldRefuseToStart_whenNoKeyIsConfigured() {
        assertThatThrownBy(() -> new CursorCodec(" ", "1", () -> null, Duration.ZERO))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("CURSOR_KEY_PARAMETER");
    }

    @Test
    void shouldAskSsmAgainOnlyAfterThePause_andRecover_whenSsmComesBack() {
        WireMockServer ssm = new WireMockServer(options().dynamicPort());
        ssm.start();
        try {
            ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(500).withBody("{}")));
            CursorCodec paused = fromSsm(ssm, Duration.ofMinutes(1));
            CursorCodec unpaused = fromSsm(ssm, Duration.ZERO);

            assertThatThrownBy(() -> paused.encode(key, "alice|images")).isInstanceOf(ProblemException.class);
            assertThatThrownBy(() -> paused.encode(key, "alice|images")).isInstanceOf(ProblemException.class);
            ssm.verify(1, postRequestedFor(urlEqualTo("/")));

            assertThatThrownBy(() -> unpaused.encode(key, "alice|images")).isInstanceOf(ProblemException.class);
            ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(
                    "{\"Parameter\":{\"Name\":\"/moc-platform/dev/cursor-signing-key\",\"Value\":\"ssm-key\"}}")));
            String cursor = unpaused.encode(key, "alice|images").orElseThrow();
            assertThat(CursorCodec.withKey("ssm-key").decode(cursor, "alice|images")).isEqualTo(key);
        } finally {
            ssm.stop();
        }
    }

    private static CursorCodec fromSsm(WireMockServer ssm, Duration retryPause) {
        return new CursorCodec("/moc-platform/dev/cursor-signing-key", "1", () -> reader(ssm), retryPause);
    }

    /** Without SDK retries: the codec's own pause is under test here, one SSM call per attempt. */
    private static SsmParameterReader reader(WireMockServer ssm) {
        SsmClient client = SsmClient.builder().endpointOverride(URI.create(ssm.baseUrl() + "/"))
                .region(Region.EU_WEST_2).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        return new SsmParameterReader(client, Clock.systemUTC(), Duration.ofMinutes(5));
    }
}
