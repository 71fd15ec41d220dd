package io.mocplatform.testkit;

import io.mocplatform.testkit.sns.SnsStandIn;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import static org.assertj.core.api.Assertions.assertThat;

@WithLocalAws
class LocalAwsExtensionIT {

    private final LocalAws constructorAws;
    private final LocalAwsEnvironment constructorEnv;

    LocalAwsExtensionIT(LocalAws aws, LocalAwsEnvironment env) {
        this.constructorAws = aws;
        this.constructorEnv = env;
    }

    @Test
    void shouldInjectOneSharedInstance_intoConstructorAndMethods(LocalAws aws, AwsClients clients,
                                                                SnsStandIn sns, DynamoDbClient dynamoDb) {
        assertThat(aws).isSameAs(constructorAws);
        assertThat(clients).isSameAs(aws.clients());
        assertThat(sns).isSameAs(aws.sns());
        assertThat(dynamoDb).isSameAs(aws.clients().dynamoDb());
    }

    @Test
    void shouldGiveTheTestClassItsOwnEnvironment(LocalAws aws, LocalAwsEnvironment env) {
        assertThat(env).isSameAs(constructorEnv);
        assertThat(env.name()).startsWith("it-").isNotEqualTo(aws.environment().name());
        assertThat(aws.clients().dynamoDb().listTables().tableNames()).contains(env.resources().jobsTable());
    }
}
