package io.mocplatform.testkit.edge;

import io.mocplatform.testkit.LocalAws;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The switch the devstack benchmark uses to price enforcement: with the edge's own filters off a function's call
 * goes through unjudged, and on again it is refused. Isolated: the switch acts on the edge every test shares.
 */
@WithLocalAws
@Isolated
class OwnFiltersSwitchIT {

    @Test
    void shouldPassAFunctionsCallUnjudged_whileTheOwnFiltersAreOff_andJudgeItAgainAfter(LocalAws aws) {
        LocalAwsEnvironment env = aws.newIsolatedEnvironment();
        String table = env.resources().imagesTable();
        try (DynamoDbClient jobApi = env.endpointsFor("job-api").newDynamoDbClient()) {
            aws.edge().ownFilters(false);
            try {
                assertThat(jobApi.describeTable(b -> b.tableName(table)).table().tableName()).isEqualTo(table);
            } finally {
                aws.edge().ownFilters(true);
            }
            AwsServiceException refused = catchThrowableOfType(AwsServiceException.class,
                    () -> jobApi.describeTable(b -> b.tableName(table)));
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        }
    }
}
