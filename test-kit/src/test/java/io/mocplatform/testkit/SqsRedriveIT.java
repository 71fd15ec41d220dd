package io.mocplatform.testkit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithLocalAws
class SqsRedriveIT {

    @Test
    void shouldMoveMessageToDlq_afterThreeReceives(LocalAwsEnvironment env, SqsClient sqs) {
        sqs.sendMessage(b -> b.queueUrl(env.jobsQueueUrl()).messageBody("{\"schema\":1,\"job_id\":\"job_1_x\"}"));

        for (int receive = 1; receive <= ResourceProvisioner.MAX_RECEIVE_COUNT; receive++) {
            List<Message> delivered = receiveWithoutDeleting(sqs, env.jobsQueueUrl());
            assertThat(delivered).as("delivery %d", receive).hasSize(1);
            assertThat(delivered.getFirst().attributes())
                    .containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, Integer.toString(receive));
        }

        assertThat(receiveWithoutDeleting(sqs, env.jobsQueueUrl())).isEmpty();
        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(env.jobsDlqUrl()).waitTimeSeconds(2)).messages();
        assertThat(dead).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("{\"schema\":1,\"job_id\":\"job_1_x\"}"));
    }

    /** Receives as a failing consumer would, but hands the message back at once instead of after 5 s. */
    private static List<Message> receiveWithoutDeleting(SqsClient sqs, String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).visibilityTimeout(0).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }
}
