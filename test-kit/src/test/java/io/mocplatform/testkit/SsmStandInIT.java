package io.mocplatform.testkit;

import io.micronaut.serde.ObjectMapper;
import io.mocplatform.function.aws.ParameterUnavailableException;
import io.mocplatform.function.aws.SsmParameterReader;
import io.mocplatform.testkit.ssm.SsmStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Parameter Store stand-in, read by the functions' own signed SSM reader. */
@WithLocalAws
class SsmStandInIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldHoldARandomCursorKeyPerEnvironment_readableByTheFunctionsReader(LocalAws aws) {
        LocalAwsEnvironment one = aws.newIsolatedEnvironment();
        LocalAwsEnvironment other = aws.newIsolatedEnvironment();
        SsmParameterReader reader = reader(aws.endpoints());

        String key = reader.secureString(one.resources().cursorKeyParameter());

        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(reader.secureString(other.resources().cursorKeyParameter())).matches("[0-9a-f]{64}")
                .isNotEqualTo(key);
        // Provisioning the same environment again keeps its key: cursors stay valid.
        aws.newEnvironment(one.name());
        assertThat(reader(aws.endpoints()).secureString(one.resources().cursorKeyParameter())).isEqualTo(key);
    }

    @Test
    void shouldAnswerParameterNotFound_likeSsm(LocalAwsEndpoints endpoints) {
        assertThatThrownBy(() -> reader(endpoints).secureString("/moc-platform/nowhere/cursor-signing-key"))
                .isInstanceOf(ParameterUnavailableException.class)
                .hasMessageContaining("400").hasMessageContaining("ParameterNotFound");
    }

    @Test
    void shouldRefuseUnsignedRequests_andHideSecureStringsWithoutDecryption(LocalAws aws) throws Exception {
        String name = aws.environment().resources().cursorKeyParameter();
        String key = reader(aws.endpoints()).secureString(name);

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
            SsmParameterReader reader = new SsmParameterReader(second.endpoint(), "eu-west-2",
                    endpoints.credentialsProvider(), ObjectMapper.getDefault());
            assertThat(reader.secureString("/moc-platform/dev/cursor-signing-key")).isEqualTo("kept");
        }
    }

    private static SsmParameterReader reader(LocalAwsEndpoints endpoints) {
        return new SsmParameterReader(endpoints.ssm(), endpoints.region().id(), endpoints.credentialsProvider(),
                ObjectMapper.getDefault());
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
