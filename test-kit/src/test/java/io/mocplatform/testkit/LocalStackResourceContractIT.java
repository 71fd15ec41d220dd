package io.mocplatform.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;

/**
 * Runs the resource-creation contract against LocalStack, so what the emulators accept is also what an
 * AWS-faithful implementation accepts. Needs a Docker engine (CI runners have one); skipped without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackResourceContractIT {

    /** Pinned: newer LocalStack images need an account token. */
    private static final DockerImageName LOCALSTACK = DockerImageName.parse("localstack/localstack:4.4.0");
    private static final Duration VISIBILITY_TIMEOUT = ResourceProvisioner.AWS_VISIBILITY_TIMEOUT;

    @Container
    private static final LocalStackContainer LOCALSTACK_CONTAINER = new LocalStackContainer(LOCALSTACK)
            .withServices("dynamodb", "sqs", "s3", "sns")
            .withEnv("AWS_DEFAULT_REGION", "eu-west-2");

    private static AwsClients clients;

    @BeforeAll
    static void connect() {
        var endpoint = LOCALSTACK_CONTAINER.getEndpoint();
        clients = new AwsClients(new LocalAwsEndpoints(endpoint, endpoint, endpoint, endpoint, endpoint,
                Region.of("eu-west-2"), LOCALSTACK_CONTAINER.getAccessKey(), LOCALSTACK_CONTAINER.getSecretKey()));
    }

    @AfterAll
    static void disconnect() {
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    void shouldCreateEveryResourceFromSharedDefinitions_onLocalStack() {
        LocalAwsEnvironment env = new ResourceProvisioner(clients, VISIBILITY_TIMEOUT).provision("lsit");

        ResourceContract.assertProvisioned(clients, env, VISIBILITY_TIMEOUT);
    }

    @Test
    void shouldProvisionAgainWithoutError_onLocalStack() {
        ResourceProvisioner provisioner = new ResourceProvisioner(clients, VISIBILITY_TIMEOUT);
        LocalAwsEnvironment first = provisioner.provision("lsit-again");

        ResourceContract.assertProvisioned(clients, provisioner.provision("lsit-again"), VISIBILITY_TIMEOUT);
        ResourceContract.assertProvisioned(clients, first, VISIBILITY_TIMEOUT);
    }
}
