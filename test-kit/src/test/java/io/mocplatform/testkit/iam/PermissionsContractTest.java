package io.mocplatform.testkit.iam;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermissionsContractTest {

    private static final PermissionsContract CONTRACT = PermissionsContract.embedded();
    private static final Map<String, String> LOCAL = CONTRACT.localPlaceholders("test", "eu-west-2", "000000000000");

    @Test
    void shouldHaveARoleForEachOfTheFiveFunctions() {
        assertThat(CONTRACT.functions()).containsExactlyInAnyOrder("job-api", "image-api", "drawing-processor",
                "dlq-handler", "job-reconciler");
    }

    @Test
    void shouldResolveEveryPlaceholder_withTheLocalEnvironmentsNames() {
        Policy jobApi = CONTRACT.policy("job-api", LOCAL);

        assertThat(jobApi.evaluate(new AccessRequest("dynamodb:PutItem",
                "arn:aws:dynamodb:eu-west-2:000000000000:table/Jobs-test")).allowed()).isTrue();
        assertThat(jobApi.evaluate(new AccessRequest("dynamodb:Query",
                "arn:aws:dynamodb:eu-west-2:000000000000:table/Jobs-test/index/OwnerIndex")).allowed()).isTrue();
        assertThat(jobApi.evaluate(new AccessRequest("ssm:GetParameter",
                "arn:aws:ssm:eu-west-2:000000000000:parameter/moc-platform/test/cursor-signing-key")).allowed())
                .isTrue();
        assertThat(jobApi.statements()).allSatisfy(statement -> assertThat(statement.resources())
                .allSatisfy(resource -> assertThat(resource).doesNotContain("{")));
    }

    @Test
    void shouldGrantNothingBeyondTheStatements() {
        Policy jobApi = CONTRACT.policy("job-api", LOCAL);

        assertThat(jobApi.evaluate(new AccessRequest("dynamodb:DeleteTable",
                "arn:aws:dynamodb:eu-west-2:000000000000:table/Jobs-test")).allowed()).isFalse();
        assertThat(jobApi.evaluate(new AccessRequest("dynamodb:GetItem",
                "arn:aws:dynamodb:eu-west-2:000000000000:table/Jobs-prod")).allowed())
                .as("another environment's table").isFalse();
        assertThat(jobApi.evaluate(new AccessRequest("s3:PutObject",
                "arn:aws:s3:::images-lego-moc-test/images/u/a.png")).allowed()).isFalse();
    }

    @Test
    void shouldNameTheContractsOwnPatterns_forTheGrantADecisionUsed() {
        Policy processor = CONTRACT.policy("drawing-processor", LOCAL);
        AccessRequest put = new AccessRequest("s3:PutObject", "arn:aws:s3:::drawings-lego-moc-test/jobs/j/p1.png");
        Policy.Decision decision = processor.evaluate(put);

        PermissionsContract.Grant grant = CONTRACT.grantUsed("drawing-processor", decision.statement().orElseThrow(),
                put);

        assertThat(grant.resource()).isEqualTo("arn:aws:s3:::{drawings_bucket}/jobs/*");
        assertThat(CONTRACT.grants("drawing-processor")).contains(grant);
    }

    @Test
    void shouldFailLoudly_onAPlaceholderItDoesNotKnow() {
        PermissionsContract planted = PermissionsContract.parse("""
                {"resources": {}, "indexes": {}, "permissions": {"job-api": [
                  {"sid": "X", "actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::{nowhere}/*"]}]}}
                """);

        assertThatThrownBy(() -> planted.policy("job-api", planted.localPlaceholders("test", "eu-west-2", "0")))
                .hasMessageContaining("{nowhere}");
    }
}
