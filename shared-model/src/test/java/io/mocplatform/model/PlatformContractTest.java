package io.mocplatform.model;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Java and Terraform read the same names: this fails when PlatformNames drifts from the contract file. */
class PlatformContractTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contract() throws IOException {
        // Tests run in the module directory; the contract sits at the repository root.
        Path file = Path.of("..", "contract", "platform-contract.json");
        return ObjectMapper.getDefault().readValue(Files.readString(file), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReadTheSameEnvironmentVariablesAsTheContractDeclares() throws IOException {
        Map<String, Map<String, Object>> functions = (Map<String, Map<String, Object>>) contract().get("functions");
        Map<String, Object> declared = functions.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("env")));
        assertThat(declared).isEqualTo(PlatformNames.FUNCTION_ENVIRONMENT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldNameResourcesAndIndexesLikeTheContract() throws IOException {
        Map<String, Object> contract = contract();
        Map<String, String> resources = (Map<String, String>) contract.get("resources");
        var names = PlatformNames.Resources.forEnvironment("prod");
        assertThat(names.jobsTable()).isEqualTo(resources.get("jobs_table").replace("{env}", "prod"));
        assertThat(names.imagesTable()).isEqualTo(resources.get("images_table").replace("{env}", "prod"));
        assertThat(names.imagesBucket()).isEqualTo(resources.get("images_bucket").replace("{env}", "prod"));
        assertThat(names.drawingsBucket()).isEqualTo(resources.get("drawings_bucket").replace("{env}", "prod"));
        assertThat(names.jobsQueue()).isEqualTo(resources.get("jobs_queue").replace("{env}", "prod"));
        assertThat(names.jobsDlq()).isEqualTo(resources.get("jobs_dlq").replace("{env}", "prod"));
        assertThat(names.alertsTopic()).isEqualTo(resources.get("alerts_topic").replace("{env}", "prod"));
        assertThat(names.cursorKeyParameter())
                .isEqualTo(resources.get("cursor_key_parameter").replace("{env}", "prod"));
        assertThat((Map<String, String>) contract.get("indexes")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "images_by_user", PlatformNames.IMAGES_BY_USER_INDEX,
                "images_by_album", PlatformNames.IMAGES_BY_ALBUM_INDEX,
                "jobs_by_owner", PlatformNames.JOBS_BY_OWNER_INDEX,
                "jobs_by_status", PlatformNames.JOBS_BY_STATUS_INDEX));
    }
}
