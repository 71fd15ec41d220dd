package io.mocplatform.function.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsmParameterReaderTest {

    private static final String NAME = "/moc-platform/dev/gemini-api-key";
    private WireMockServer ssm;
    private SsmParameterReader reader;

    @BeforeEach
    void setUp() {
        ssm = new WireMockServer(options().dynamicPort());
        ssm.start();
        reader = new SsmParameterReader(SsmParameterReader.endpoint("eu-west-2", ssm.baseUrl() + "/"), "eu-west-2",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")),
                ObjectMapper.getDefault());
    }

    @AfterEach
    void tearDown() {
        ssm.stop();
    }

    @Test
    void shouldSendSignedDecryptingGetParameter_andReadItOnlyOnce() {
        ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("""
                        {"Parameter":{"Name":"%s","Type":"SecureString","Value":"sekret-key","Version":3}}"""
                        .formatted(NAME))));

        assertThat(reader.secureString(NAME)).isEqualTo("sekret-key");
        assertThat(reader.secureString(NAME)).isEqualTo("sekret-key");

        ssm.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{8}/eu-west-2/ssm/aws4_request, .*"))
                .withRequestBody(equalToJson("{\"Name\":\"" + NAME + "\",\"WithDecryption\":true}")));
    }

    @Test
    void shouldNameTheParameterAndSsmsAnswer_whenParameterIsMissing() {
        ssm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withBody("{\"__type\":\"ParameterNotFound\"}")));

        assertThatThrownBy(() -> reader.secureString(NAME)).isInstanceOfSatisfying(ParameterUnavailableException.class,
                e -> assertThat(e.getMessage()).contains(NAME).contains("400").contains("ParameterNotFound"));
    }
}
