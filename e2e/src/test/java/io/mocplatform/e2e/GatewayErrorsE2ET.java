package io.mocplatform.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.mocplatform.e2e.ErrorShapes.assertGatewayError;
import static io.mocplatform.e2e.ErrorShapes.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The errors API Gateway makes itself reach the client in AWS's shape; the functions' own stay problem+json. */
@ExtendWith(E2eStack.class)
class GatewayErrorsE2ET {

    @Test
    void shouldAnswer401Unauthorized_withAChallenge_whenTheTokenIsMissingOrNotValid(E2eTarget target) {
        Api.Answer missing = Api.anonymous(target.jobApi()).get("/jobs");
        Api.Answer forged = Api.as(target.jobApi(), target.token() + "x").get("/jobs");
        Api.Answer images = Api.anonymous(target.imageApi()).get("/images");

        assertGatewayError(missing, 401, "Unauthorized");
        assertGatewayError(forged, 401, "Unauthorized");
        assertGatewayError(images, 401, "Unauthorized");
        assertThat(missing.header("www-authenticate")).startsWith("Bearer");
        assertThat(forged.header("www-authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
    }

    @Test
    void shouldAnswer404NotFound_forARouteThatDoesNotExist_andAProblem_forAnIdThatDoesNot(E2eTarget target) {
        Api.Answer noRoute = Api.as(target.jobApi(), target.token()).get("/no-such-route");
        Api.Answer noJob = Api.as(target.jobApi(), target.token()).get("/status/job_0000000000000_aaaaaaaaaa");
        Api.Answer noImage = Api.as(target.imageApi(), target.token()).get("/images/img_aaaaaaaaaaaaaaaaaaaa");

        assertGatewayError(noRoute, 404, "Not Found");
        assertProblem(noJob, 404);
        assertProblem(noImage, 404);
    }

    @Test
    void shouldAnswer413_whenTheBodyIsOverTenMegabytes(E2eTarget target) {
        byte[] body = new byte[10 * 1024 * 1024 + 1];

        Api.Answer answer = Api.as(target.jobApi(), target.token()).postBytes("/drawings", "application/json", body);

        assertGatewayError(answer, 413, "Request Entity Too Large");
    }

    @Test
    void shouldAnswer429TooManyRequests_whenARouteIsSentMoreThanItsBurst(E2eTarget target) throws Exception {
        Assumptions.assumeTrue(target.burstLimit() > 0,
                "the stage's burst limit is unknown: set " + E2eTarget.BURST_LIMIT + " to run this against it");
        int requests = target.burstLimit() * 3;
        List<Api.Answer> answers;
        // Unauthenticated: throttling comes first, and no function runs for any of them.
        try (ExecutorService clients = Executors.newFixedThreadPool(32)) {
            List<Future<Api.Answer>> sent = IntStream.range(0, requests)
                    .mapToObj(i -> clients.submit(() -> Api.anonymous(target.imageApi()).get("/images"))).toList();
            answers = sent.stream().map(GatewayErrorsE2ET::join).toList();
        }

        List<Api.Answer> throttled = answers.stream().filter(a -> a.status() == 429).toList();
        assertThat(throttled).as("%d requests at once against a burst of %d", requests, target.burstLimit())
                .isNotEmpty();
        throttled.forEach(a -> assertGatewayError(a, 429, "Too Many Requests"));
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.describe()).isIn(401, 429));
    }

    private static Api.Answer join(Future<Api.Answer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldAnswerAProblem_notAGatewayError_whenTheFunctionRefusesTheBody(E2eTarget target) {
        Api.Answer answer = Api.as(target.jobApi(), target.token()).post("/drawings", Map.of("filename", "a.pdf",
                "content_type", "application/pdf", "size_bytes", -1));

        assertProblem(answer, 400);
    }
}
