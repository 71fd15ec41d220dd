package io.mocplatform.jobapi.api;

import io.mocplatform.testkit.api.OpenApiContract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract checker the ITs rely on really checks: the golden job conforms, broken answers do not. */
class OpenApiContractTest {

    private final OpenApiContract contract = new OpenApiContract("openapi/job-api.yaml");
    private final Map<String, String> headers = Map.of("X-Correlation-Id", "c-1", "Content-Type", "application/json");

    @Test
    void shouldAcceptTheGoldenJob() throws IOException {
        assertThat(contract.violations("GET", "/status/job_1795432800000_abcdefgh23", 200,
                headers, JobStatusViewGoldenTest.golden())).isEmpty();
    }

    @Test
    void shouldRejectUndocumentedFieldsNullsAndStatuses() throws IOException {
        String golden = JobStatusViewGoldenTest.golden();
        assertThat(contract.violations("GET", "/status/job_1795432800000_abcdefgh23", 200,
                headers, golden.replace("\"attempts\": 2", "\"attempts\": 2, \"owner\": \"x\""))).isNotEmpty();
        assertThat(contract.violations("GET", "/status/job_1795432800000_abcdefgh23", 200,
                headers, golden.replace("\"current_stage\": \"result\"", "\"current_stage\": null"))).isNotEmpty();
        assertThat(contract.violations("GET", "/status/job_1795432800000_abcdefgh23", 418,
                headers, "{}")).isNotEmpty();
        assertThat(contract.violations("POST", "/process-drawing", 202, headers,
                "{\"job_id\":\"job_1795432800000_abcdefgh23\",\"status\":\"queued\"}"))
                .containsExactly("required header Location is missing");
    }
}
