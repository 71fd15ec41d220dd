package io.mocplatform.testkit.faults;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectorTest {

    @Test
    void shouldInjectAboutTheConfiguredShare_spreadOverTheThreeKinds() {
        FaultInjector injector = new FaultInjector(FaultPlan.parse("dynamodb=0.1,s3=0.05"), new Random(42));

        for (int i = 0; i < 20_000; i++) {
            injector.decide(AwsService.DYNAMODB);
            injector.decide(AwsService.S3);
            injector.decide(AwsService.SQS);
        }

        assertThat(injector.injected(AwsService.DYNAMODB)).isBetween(1_800L, 2_200L);
        assertThat(injector.injected(AwsService.S3)).isBetween(850L, 1_150L);
        assertThat(injector.injected(AwsService.SQS)).isZero();
        for (FaultKind kind : FaultKind.values()) {
            assertThat(injector.injected(AwsService.DYNAMODB, kind)).as(kind.name()).isBetween(550L, 780L);
        }
        assertThat(injector.requests(AwsService.DYNAMODB)).isEqualTo(20_000);
    }

    @Test
    void shouldAnswerWithTheServicesResponse_orHoldTheRequestBack() {
        FaultInjector injector = new FaultInjector(FaultPlan.parse("sns=1,slow=250"), new Random(7));

        for (int i = 0; i < 30; i++) {
            FaultInjector.Fault fault = injector.decide(AwsService.SNS).orElseThrow();
            switch (fault.kind()) {
                case THROTTLE -> assertThat(fault.response().orElseThrow().bodyText()).contains("<Code>Throttling</Code>");
                case SERVER_ERROR -> assertThat(fault.response().orElseThrow().status()).isEqualTo(500);
                case SLOW -> {
                    assertThat(fault.response()).isEmpty();
                    assertThat(fault.delay()).isEqualTo(Duration.ofMillis(250));
                }
            }
        }
        assertThat(injector.summary()).startsWith("dynamodb 0/0").contains("sns 30/30");
    }

    @Test
    void shouldRejectPlansThatDoNotSayWhatTheyMean() {
        assertThat(FaultPlan.parse(" ")).isEqualTo(FaultPlan.NONE);
        assertThat(FaultPlan.parse("dynamodb=0.1, s3=0.05").share(AwsService.S3)).isEqualTo(0.05);
        assertThatThrownBy(() -> FaultPlan.parse("dynamo=0.1")).hasMessageContaining("unknown service 'dynamo'");
        assertThatThrownBy(() -> FaultPlan.parse("s3=1.5")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FaultPlan.parse("s3")).hasMessageContaining("is not <service>=<share>");
        assertThatThrownBy(() -> FaultPlan.parse("s3=lots")).hasMessageContaining("no number");
        assertThatThrownBy(() -> FaultPlan.parse("s3=0.1,s3=0.2")).hasMessageContaining("named twice");
    }
}
