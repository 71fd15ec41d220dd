package io.mocplatform.dlq.domain;

import io.mocplatform.dlq.Fixtures;
import io.mocplatform.model.alert.AlertKind;
import io.mocplatform.model.alert.AlertSeverity;
import io.mocplatform.model.alert.DeadLetterAlert;
import io.mocplatform.model.job.Job;
import io.mocplatform.model.job.JobError;
import io.mocplatform.model.job.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:07:30Z");
    private static final String JOB_ID = "job_1767258000000_abcdefghij";
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);

    private final Fakes.Jobs jobs = new Fakes.Jobs();
    private final Fakes.Ledger ledger = new Fakes.Ledger();
    private final Fakes.Publisher publisher = new Fakes.Publisher();
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    private final DeadLetterPolicy policy = new DeadLetterPolicy("prod",
            "arn:aws:sqs:eu-west-2:111122223333:drawing-jobs-prod",
            "arn:aws:sqs:eu-west-2:111122223333:drawing-jobs-dlq-prod", 2, Duration.ofMinutes(15),
            "docs/runbook.md", 64, Duration.ofDays(15), CLAIM_TIMEOUT);
    private final DeadLetterService service = new DeadLetterService(jobs, ledger, publisher, policy, clock);

    private static DeadLetter letterFor(String jobId, String messageId) {
        return new DeadLetter(messageId, jobId, "user-1", "corr-msg", 1, null, "{}", 3,
                NOW.minusSeconds(3600), NOW.minusSeconds(3590), "1-67754a10-0123456789abcdef01234567");
    }

    private static DeadLetter poison(String messageId, String body) {
        return new DeadLetter(messageId, null, null, null, null, "the body is not JSON", body, 1, null, null, null);
    }

    @Test
    void shouldMarkFailedKeepingLastErrorMessageAndAlertOnce_whenJobIsStillProcessing() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW.minusSeconds(4000)));

        DeadLetterOutcome outcome = service.handle(letterFor(JOB_ID, "m1"));

        Job failed = jobs.rows.get(JOB_ID);
        assertThat(outcome.disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo(new JobError("dead_lettered", Fixtures.LAST_ERROR_MESSAGE, true,
                failed.currentStage()));
        assertThat(failed.alertedAt()).isEqualTo(NOW);
        assertThat(failed.updatedAt()).isEqualTo(NOW);
        assertThat(failed.leaseOwner()).isNull();
        assertThat(failed.alertSentAt()).isEqualTo(NOW);
        assertThat(jobs.updates).as("one write marks and claims, one confirms").isEqualTo(2);
        assertThat(publisher.sent).singleElement().satisfies(n -> {
            assertThat(n.payload().errorType()).isEqualTo(Fixtures.LAST_ERROR_TYPE);
            assertThat(n.payload().queueAgeSeconds()).isEqualTo(3600);
            assertThat(n.payload().correlationId()).isEqualTo("corr-" + JOB_ID);
        });
    }

    @Test
    void shouldSendNothingMore_whenTheSameMessageIsDeliveredAgain() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW));
        service.handle(letterFor(JOB_ID, "m1"));
        Job afterFirst = jobs.rows.get(JOB_ID);

        DeadLetterOutcome again = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(again.disposition()).isEqualTo(Disposition.ALREADY_ALERTED);
        assertThat(publisher.sent).hasSize(1);
        assertThat(jobs.rows.get(JOB_ID)).isEqualTo(afterFirst);
    }

    @Test
    void shouldNotOverwriteSuccess_whenTheProcessorCompletesTheJobBetweenReadAndWrite() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW));
        jobs.beforeNextUpdate = rows -> {
            Job current = rows.rows.get(JOB_ID);
            rows.rows.put(JOB_ID, current.toBuilder().status(JobStatus.COMPLETED).error(null)
                    .version(current.version() + 1).build());
        };

        DeadLetterOutcome outcome = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.JOB_ALREADY_FINISHED);
        assertThat(jobs.rows.get(JOB_ID).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void shouldAlertAgain_whenAJobRetriedAfterAnEarlierDeathDiesAgain() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW));
        service.handle(letterFor(JOB_ID, "m1"));
        Job retried = jobs.rows.get(JOB_ID).toBuilder().status(JobStatus.PROCESSING).error(null).build();
        jobs.rows.put(JOB_ID, retried);
        now.set(NOW.plus(Duration.ofHours(2)));

        DeadLetterOutcome secondDeath = service.handle(letterFor(JOB_ID, "m2"));

        assertThat(secondDeath.disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(publisher.sent).hasSize(2);
        assertThat(jobs.rows.get(JOB_ID).alertedAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(jobs.rows.get(JOB_ID).alertSentAt()).as("confirmed for this death, not the first one")
                .isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldPublishOnceMore_whenARedeliveryFindsAClaimItsClaimantNeverConfirmed() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW));
        publisher.crashNext = true;
        assertThatThrownBy(() -> service.handle(letterFor(JOB_ID, "m1"))).isInstanceOf(Fakes.SimulatedCrash.class);
        Job orphaned = jobs.rows.get(JOB_ID);
        assertThat(orphaned.alertedAt()).isEqualTo(NOW);
        assertThat(orphaned.alertSentAt()).isNull();
        assertThat(publisher.sent).isEmpty();

        Instant redelivered = NOW.plus(CLAIM_TIMEOUT).plusSeconds(1);
        now.set(redelivered);
        DeadLetterOutcome takeover = service.handle(letterFor(JOB_ID, "m1"));
        now.set(redelivered.plusSeconds(400));
        DeadLetterOutcome later = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(takeover.disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(later.disposition()).isEqualTo(Disposition.ALREADY_ALERTED);
        // The marked row no longer holds the original error type (only release restores it, a crash cannot):
        // the alert says "unknown" but keeps the last error's message.
        assertThat(publisher.sent).singleElement().satisfies(n -> {
            assertThat(n.payload().jobId()).isEqualTo(JOB_ID);
            assertThat(n.payload().errorMessage()).isEqualTo(Fixtures.LAST_ERROR_MESSAGE);
        });
        Job confirmed = jobs.rows.get(JOB_ID);
        assertThat(confirmed.alertedAt()).isEqualTo(redelivered);
        assertThat(confirmed.alertSentAt()).isEqualTo(redelivered);
        assertThat(confirmed.error()).isEqualTo(orphaned.error());
    }

    @Test
    void shouldLetOnlyOneOfTwoRedeliveriesTakeOverAStaleClaim() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW));
        publisher.crashNext = true;
        assertThatThrownBy(() -> service.handle(letterFor(JOB_ID, "m1"))).isInstanceOf(Fakes.SimulatedCrash.class);
        now.set(NOW.plus(CLAIM_TIMEOUT).plusSeconds(1));
        AtomicReference<DeadLetterOutcome> other = new AtomicReference<>();
        // The other redelivery read the same stale claim and writes its takeover first.
        jobs.beforeNextUpdate = rows -> other.set(service.handle(letterFor(JOB_ID, "m1")));

        DeadLetterOutcome outcome = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(other.get().disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(outcome.disposition()).isEqualTo(Disposition.ALREADY_ALERTED);
        assertThat(publisher.sent).hasSize(1);
    }

    @Test
    void shouldLeaveTheMessageForLaterWithoutPublishing_whenAnotherInvocationClaimedTheAlertMomentsAgo() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW));
        publisher.crashNext = true;
        assertThatThrownBy(() -> service.handle(letterFor(JOB_ID, "m1"))).isInstanceOf(Fakes.SimulatedCrash.class);
        Job claimed = jobs.rows.get(JOB_ID);
        now.set(NOW.plus(CLAIM_TIMEOUT).minusSeconds(1));

        DeadLetterOutcome outcome = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.ALERT_IN_PROGRESS);
        assertThat(outcome.retry()).isTrue();
        assertThat(jobs.rows.get(JOB_ID)).isEqualTo(claimed);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void shouldNeverSendAConfirmedAlertAgain_howeverLateTheRedelivery() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW));
        service.handle(letterFor(JOB_ID, "m1"));
        Job confirmed = jobs.rows.get(JOB_ID);
        now.set(NOW.plus(Duration.ofDays(13)));

        DeadLetterOutcome outcome = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.ALREADY_ALERTED);
        assertThat(outcome.retry()).isFalse();
        assertThat(jobs.rows.get(JOB_ID)).isEqualTo(confirmed);
        assertThat(publisher.sent).hasSize(1);
    }

    @Test
    void shouldLeaveTheClaimToTheRetry_whenTheJobIsRetriedBetweenPublishAndConfirm() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW));
        AtomicReference<Job> retried = new AtomicReference<>();
        // After the claim (the first update), job-api's retry puts the job back to queued before the confirmation.
        jobs.beforeNextUpdate = rows -> rows.beforeNextUpdate = again -> {
            Job current = again.rows.get(JOB_ID);
            retried.set(current.toBuilder().status(JobStatus.QUEUED).error(null).alertedAt(null).alertSentAt(null)
                    .version(current.version() + 1).build());
            again.rows.put(JOB_ID, retried.get());
        };

        DeadLetterOutcome outcome = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(jobs.rows.get(JOB_ID)).isEqualTo(retried.get());
    }

    @Test
    void shouldComeBackLaterWithoutTouchingTheJob_whenANewerDeliveryHoldsALiveLease() {
        Job busy = jobs.put(Fixtures.stuckJob(JOB_ID, NOW).toBuilder().leaseOwner("delivery-after-retry")
                .leaseExpiresAt(NOW.plusSeconds(600)).build());

        DeadLetterOutcome outcome = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.JOB_BUSY);
        assertThat(outcome.retry()).isTrue();
        assertThat(jobs.rows.get(JOB_ID)).isEqualTo(busy);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void shouldLeaveCancelledJobAlone() {
        Job cancelled = jobs.put(Fixtures.stuckJob(JOB_ID, NOW).toBuilder().status(JobStatus.CANCELLED).build());

        DeadLetterOutcome outcome = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.JOB_ALREADY_FINISHED);
        assertThat(jobs.rows.get(JOB_ID)).isEqualTo(cancelled);
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void shouldReportUnknownCause_whenTheProcessorRecordedNoError() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW).toBuilder().error(null).build());

        service.handle(letterFor(JOB_ID, "m1"));

        assertThat(jobs.rows.get(JOB_ID).error().type()).isEqualTo("dead_lettered");
        assertThat(jobs.rows.get(JOB_ID).error().message()).contains("No error was recorded");
        assertThat(publisher.sent.get(0).payload().errorType()).isEqualTo("unknown");
    }

    @Test
    void shouldKeepJobFailedButReleaseClaimAndRestoreOriginalError_whenPublishFails() {
        jobs.put(Fixtures.stuckJob(JOB_ID, NOW));
        publisher.failNext = 1;

        DeadLetterOutcome failed = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(failed.disposition()).isEqualTo(Disposition.PUBLISH_FAILED);
        assertThat(failed.retry()).isTrue();
        Job released = jobs.rows.get(JOB_ID);
        assertThat(released.status()).isEqualTo(JobStatus.FAILED);
        assertThat(released.alertedAt()).isNull();
        assertThat(released.error().type()).isEqualTo(Fixtures.LAST_ERROR_TYPE);

        now.set(NOW.plusSeconds(30));
        DeadLetterOutcome retried = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(retried.disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(publisher.sent).singleElement()
                .satisfies(n -> assertThat(n.payload().errorType()).isEqualTo(Fixtures.LAST_ERROR_TYPE));
        assertThat(jobs.rows.get(JOB_ID).error().type()).isEqualTo("dead_lettered");
    }

    @Test
    void shouldAlertPoisonMessageOnceByMessageId() {
        DeadLetterOutcome first = service.handle(poison("m-poison", "\u001b[2Jgarbage"));
        DeadLetterOutcome second = service.handle(poison("m-poison", "\u001b[2Jgarbage"));

        assertThat(first.disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(second.disposition()).isEqualTo(Disposition.ALREADY_ALERTED);
        assertThat(publisher.sent).singleElement().satisfies(n -> {
            assertThat(n.payload().kind()).isEqualTo(AlertKind.POISON_MESSAGE);
            assertThat(n.payload().rawBody()).isEqualTo("\\u001b[2Jgarbage");
            assertThat(n.payload().dedupKey()).isEqualTo("dlq/prod/message/m-poison");
            assertThat(n.text()).contains("redriving this message will not help").doesNotContain("\u001b");
        });
    }

    @Test
    void shouldReleasePoisonClaim_whenItsAlertCannotBePublished() {
        publisher.failNext = 1;

        assertThat(service.handle(poison("m-poison", "x")).retry()).isTrue();
        assertThat(service.handle(poison("m-poison", "x")).disposition()).isEqualTo(Disposition.ALERTED);
    }

    @Test
    void shouldTakeOverAStaleMessageClaimOnce_andLeaveAFreshOneForLater() {
        publisher.crashNext = true;
        assertThatThrownBy(() -> service.handle(poison("m-poison", "x"))).isInstanceOf(Fakes.SimulatedCrash.class);

        now.set(NOW.plusSeconds(30));
        DeadLetterOutcome fresh = service.handle(poison("m-poison", "x"));
        now.set(NOW.plus(CLAIM_TIMEOUT).plusSeconds(1));
        DeadLetterOutcome stale = service.handle(poison("m-poison", "x"));
        now.set(NOW.plus(Duration.ofDays(1)));
        DeadLetterOutcome confirmed = service.handle(poison("m-poison", "x"));

        assertThat(fresh.disposition()).isEqualTo(Disposition.ALERT_IN_PROGRESS);
        assertThat(fresh.retry()).isTrue();
        assertThat(stale.disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(confirmed.disposition()).isEqualTo(Disposition.ALREADY_ALERTED);
        assertThat(publisher.sent).singleElement()
                .satisfies(n -> assertThat(n.payload().kind()).isEqualTo(AlertKind.POISON_MESSAGE));
        assertThat(ledger.claims.get("message#m-poison").sentAt()).isEqualTo(NOW.plus(CLAIM_TIMEOUT).plusSeconds(1));
    }

    @Test
    void shouldAlertUnknownJobAsWarning_whenTheRowDoesNotExist() {
        DeadLetterOutcome outcome = service.handle(letterFor(JOB_ID, "m1"));

        assertThat(outcome.disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(outcome.facts().kind()).isEqualTo(AlertKind.UNKNOWN_JOB);
        assertThat(outcome.facts().severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(outcome.facts().jobId()).isEqualTo(JOB_ID);
    }

    @Test
    void shouldAlertOnce_whenTheSameUnknownJobIsDeadLetteredTwiceUnderDifferentMessages() {
        DeadLetterOutcome first = service.handle(letterFor(JOB_ID, "m1"));
        DeadLetterOutcome second = service.handle(letterFor(JOB_ID, "m2"));
        DeadLetterOutcome otherJob = service.handle(letterFor("job_1767258000000_zzzzzzzzzz", "m3"));

        assertThat(first.disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(second.disposition()).isEqualTo(Disposition.ALREADY_ALERTED);
        assertThat(otherJob.disposition()).isEqualTo(Disposition.ALERTED);
        assertThat(publisher.sent).extracting(n -> n.payload().dedupKey())
                .containsExactly("dlq/prod/unknown-job/" + JOB_ID, "dlq/prod/unknown-job/job_1767258000000_zzzzzzzzzz");
    }

    @Test
    void shouldSendOneStormAlertThenStaySilent_whenMoreJobsDieInTheWindowThanTheThreshold() {
        for (int i = 0; i < 5; i++) {
            jobs.put(Fixtures.stuckJob("job_176725800000" + i + "_abcdefghij", NOW));
        }

        var dispositions = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> service.handle(letterFor("job_176725800000" + i + "_abcdefghij", "m" + i)).disposition())
                .toList();

        assertThat(dispositions).containsExactly(Disposition.ALERTED, Disposition.ALERTED, Disposition.STORM_ALERTED,
                Disposition.SUPPRESSED_BY_STORM, Disposition.SUPPRESSED_BY_STORM);
        assertThat(jobs.rows.values()).allSatisfy(job -> assertThat(job.status()).isEqualTo(JobStatus.FAILED));
        DeadLetterAlert storm = publisher.sent.get(2).payload();
        assertThat(storm.kind()).isEqualTo(AlertKind.DEAD_LETTER_STORM);
        assertThat(storm.storm().windowStart()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(storm.storm().windowEnd()).isEqualTo(Instant.parse("2026-01-01T10:15:00Z"));
        assertThat(storm.storm().countsByErrorType()).containsEntry(Fixtures.LAST_ERROR_TYPE, 3L);
        assertThat(publisher.sent.get(2).text()).contains("gemini_unavailable: 3", "start-message-move-task");
    }

    @Test
    void shouldAlertSinglyAgain_whenTheNextWindowStarts() {
        for (int i = 0; i < 4; i++) {
            jobs.put(Fixtures.stuckJob("job_176725800000" + i + "_abcdefghij", NOW));
        }
        for (int i = 0; i < 3; i++) {
            service.handle(letterFor("job_176725800000" + i + "_abcdefghij", "m" + i));
        }

        now.set(Instant.parse("2026-01-01T10:15:00Z"));
        DeadLetterOutcome nextWindow = service.handle(letterFor("job_1767258000003_abcdefghij", "m3"));

        assertThat(nextWindow.disposition()).isEqualTo(Disposition.ALERTED);
    }

    @Test
    void shouldRetryTheStormAlert_whenItsPublishFails() {
        for (int i = 0; i < 3; i++) {
            jobs.put(Fixtures.stuckJob("job_176725800000" + i + "_abcdefghij", NOW));
        }
        service.handle(letterFor("job_1767258000000_abcdefghij", "m0"));
        service.handle(letterFor("job_1767258000001_abcdefghij", "m1"));
        publisher.failNext = 1;

        DeadLetterOutcome failed = service.handle(letterFor("job_1767258000002_abcdefghij", "m2"));
        DeadLetterOutcome retried = service.handle(letterFor("job_1767258000002_abcdefghij", "m2"));

        assertThat(failed.disposition()).isEqualTo(Disposition.PUBLISH_FAILED);
        assertThat(retried.disposition()).isEqualTo(Disposition.STORM_ALERTED);
        assertThat(publisher.sent).extracting(n -> n.payload().kind()).containsExactly(AlertKind.DEAD_LETTERED_JOB,
                AlertKind.DEAD_LETTERED_JOB, AlertKind.DEAD_LETTER_STORM);
    }

    @Test
    void shouldStillSendTheStormAlertOfTheFirstWindow_whenItsClaimantDiedAndIsRedeliveredInTheNextWindow() {
        for (int i = 0; i < 4; i++) {
            jobs.put(Fixtures.stuckJob("job_176725800000" + i + "_abcdefghij", NOW));
        }
        service.handle(letterFor("job_1767258000000_abcdefghij", "m0"));
        service.handle(letterFor("job_1767258000001_abcdefghij", "m1"));
        publisher.crashNext = true;
        assertThatThrownBy(() -> service.handle(letterFor("job_1767258000002_abcdefghij", "m2")))
                .isInstanceOf(Fakes.SimulatedCrash.class);

        // While the storm claim is fresh, others in the window count on its claimant and stay quiet.
        now.set(NOW.plusSeconds(30));
        DeadLetterOutcome quiet = service.handle(letterFor("job_1767258000003_abcdefghij", "m3"));
        // The claimant's message comes back after the claim timeout, in the next window.
        now.set(Instant.parse("2026-01-01T10:16:00Z"));
        DeadLetterOutcome takeover = service.handle(letterFor("job_1767258000002_abcdefghij", "m2"));

        assertThat(quiet.disposition()).isEqualTo(Disposition.SUPPRESSED_BY_STORM);
        assertThat(takeover.disposition()).isEqualTo(Disposition.STORM_ALERTED);
        assertThat(publisher.sent).extracting(n -> n.payload().kind()).containsExactly(AlertKind.DEAD_LETTERED_JOB,
                AlertKind.DEAD_LETTERED_JOB, AlertKind.DEAD_LETTER_STORM);
        assertThat(publisher.sent.get(2).payload().storm().windowStart())
                .isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(ledger.stormClaims.get(Instant.parse("2026-01-01T10:00:00Z")).sentAt()).isNotNull();
        assertThat(jobs.rows.values()).allSatisfy(job -> assertThat(job.alertSentAt()).isNotNull());
    }
}
