package io.mocplatform.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two shapes of an error answer. API Gateway's own (no route, no valid token, throttled, too large, the
 * function failed or timed out): {@code application/json} {@code {"message":"<reason phrase>"}} with an
 * {@code apigw-requestid}. The functions': {@code application/problem+json} (RFC 9457) with
 * {@code X-Correlation-Id}.
 */
final class ErrorShapes {

    private ErrorShapes() {
    }

    static void assertGatewayError(Api.Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.describe()).isEqualTo(status);
        assertThat(answer.text()).as(answer.describe()).isEqualTo("{\"message\":\"" + message + "\"}");
        assertThat(answer.header("Content-Type")).as(answer.describe()).startsWith("application/json");
        assertThat(answer.header("apigw-requestid")).as("API Gateway's request id").isNotBlank();
    }

    static void assertProblem(Api.Answer answer, int status) {
        assertThat(answer.status()).as(answer.describe()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.describe()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).as(answer.describe()).isEqualTo(status);
        assertThat(problem.path("type").asText()).as(answer.describe()).isNotBlank();
        assertThat(answer.header("X-Correlation-Id")).as("the function's correlation id").isNotBlank();
    }
}
