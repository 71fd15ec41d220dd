package io.mocplatform.testkit.iam;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IAM's policy evaluation logic for one identity-based policy, rule by rule as the IAM User Guide states it. */
class PolicyTest {

    private static final String JOBS = "arn:aws:dynamodb:eu-west-2:000000000000:table/Jobs-test";
    private static final String DRAWINGS = "arn:aws:s3:::drawings-lego-moc-test";

    @Test
    void shouldDenyByDefault_whenNoStatementAllows() {
        Policy policy = new Policy(List.of(allow("Read", List.of("dynamodb:GetItem"), List.of(JOBS))));

        Policy.Decision decision = policy.evaluate(new AccessRequest("dynamodb:DeleteTable", JOBS));

        assertThat(decision.outcome()).isEqualTo(Policy.Decision.Outcome.IMPLICIT_DENY);
        assertThat(decision.statement()).isEmpty();
    }

    @Test
    void shouldLetAnExplicitDenyWin_overAnAllowOfTheSameRequest() {
        Policy policy = new Policy(List.of(
                allow("All", List.of("dynamodb:*"), List.of("*")),
                new Statement("NoDelete", Statement.Effect.DENY, List.of("dynamodb:Delete*"), List.of(JOBS),
                        List.of())));

        assertThat(policy.evaluate(new AccessRequest("dynamodb:DeleteItem", JOBS)).outcome())
                .isEqualTo(Policy.Decision.Outcome.EXPLICIT_DENY);
        assertThat(policy.evaluate(new AccessRequest("dynamodb:GetItem", JOBS)).allowed()).isTrue();
    }

    @Test
    void shouldMatchActions_ignoringCase_withBothWildcards() {
        Policy policy = new Policy(List.of(allow("Get", List.of("DynamoDB:get?tem", "sqs:Receive*"),
                List.of("*"))));

        assertThat(policy.evaluate(new AccessRequest("dynamodb:GetItem", JOBS)).allowed()).isTrue();
        assertThat(policy.evaluate(new AccessRequest("sqs:receivemessage", "*")).allowed()).isTrue();
        assertThat(policy.evaluate(new AccessRequest("dynamodb:GetItems", JOBS)).allowed()).isFalse();
    }

    @Test
    void shouldMatchResources_caseSensitively_withWildcardsWithinTheirArnSegment() {
        Policy policy = new Policy(List.of(
                allow("Objects", List.of("s3:GetObject"), List.of(DRAWINGS + "/drawings/*")),
                allow("AnyRegion", List.of("dynamodb:GetItem"), List.of("arn:aws:dynamodb:*:000000000000:table/Jobs-?est"))));

        assertThat(policy.evaluate(new AccessRequest("s3:GetObject", DRAWINGS + "/drawings/u/a.pdf")).allowed())
                .as("* spans / in the resource part").isTrue();
        assertThat(policy.evaluate(new AccessRequest("s3:GetObject", DRAWINGS + "/Drawings/a.pdf")).allowed())
                .as("ARNs are case-sensitive").isFalse();
        assertThat(policy.evaluate(new AccessRequest("s3:GetObject", DRAWINGS + "/jobs/a.json")).allowed()).isFalse();
        assertThat(policy.evaluate(new AccessRequest("dynamodb:GetItem", JOBS)).allowed()).isTrue();
        assertThat(policy.evaluate(new AccessRequest("dynamodb:GetItem", JOBS + "/index/OwnerIndex")).allowed())
                .as("a table does not grant its indexes").isFalse();
        assertThat(policy.evaluate(new AccessRequest("dynamodb:GetItem",
                "arn:aws:dynamodb:eu-west-2:111111111111:table/Jobs-test")).allowed())
                .as("* in the region segment does not reach into the account").isFalse();
    }

    @Test
    void shouldRequireEveryCondition_andAnyOfItsValues() {
        Statement list = new Statement("List", Statement.Effect.ALLOW, List.of("s3:ListBucket"), List.of(DRAWINGS),
                List.of(new Condition("StringLike", "s3:prefix", List.of("drawings/*", "jobs/*")),
                        new Condition("Bool", "aws:SecureTransport", List.of("true"))));
        Policy policy = new Policy(List.of(list));

        assertThat(policy.evaluate(listing("jobs/job_1/analysis.json", "true")).allowed()).isTrue();
        assertThat(policy.evaluate(listing("results/job_1.csv", "true")).allowed()).isFalse();
        assertThat(policy.evaluate(listing("drawings/a.pdf", "false")).allowed()).isFalse();
        assertThat(policy.evaluate(new AccessRequest("s3:ListBucket", DRAWINGS)).allowed())
                .as("a listing without a prefix does not carry s3:prefix").isFalse();
    }

    @Test
    void shouldTreatAMissingKey_asFalseForPositiveAndTrueForNegatedOperators() {
        Map<String, String> none = Map.of();

        assertThat(new Condition("StringEquals", "kms:ViaService", List.of("ssm.eu-west-2.amazonaws.com"))
                .holds(none)).isFalse();
        assertThat(new Condition("StringNotEquals", "kms:ViaService", List.of("ssm.eu-west-2.amazonaws.com"))
                .holds(none)).isTrue();
        assertThat(new Condition("StringEqualsIfExists", "kms:ViaService", List.of("x")).holds(none)).isTrue();
        assertThat(new Condition("StringNotLike", "s3:prefix", List.of("drawings/*"))
                .holds(Map.of("s3:prefix", "drawings/a"))).isFalse();
    }

    @Test
    void shouldRefuseAnOperatorItCannotEvaluate_insteadOfGuessing() {
        assertThatThrownBy(() -> new Condition("NumericLessThan", "s3:max-keys", List.of("10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NumericLessThan");
    }

    private static AccessRequest listing(String prefix, String secure) {
        return new AccessRequest("s3:ListBucket", DRAWINGS, Map.of("s3:prefix", prefix, "aws:securetransport", secure));
    }

    private static Statement allow(String sid, List<String> actions, List<String> resources) {
        return new Statement(sid, Statement.Effect.ALLOW, actions, resources, List.of());
    }
}
