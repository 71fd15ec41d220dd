package io.mocplatform.testkit.edge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Signature Version 4 checked against the worked examples of the S3 documentation ("Signature Calculations for
 * the Authorization Header" and "Authenticating Requests: Using Query Parameters"), whose signatures were computed
 * by AWS, not by this code.
 */
class SigV4Test {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final Instant SIGNED_AT = Instant.parse("2013-05-24T00:00:00Z");

    @Test
    void shouldAcceptTheDocumentedHeaderSignature_ofAGetObject() throws Exception {
        EdgeRequest request = documentedGet("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");

        SigV4.Signed signed = SigV4.parse(request).orElseThrow();
        SigV4.verify(request, signed, SECRET);
        SigV4.checkTime(signed, SIGNED_AT.plusSeconds(60));

        assertThat(signed.accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(signed.service()).isEqualTo("s3");
    }

    @Test
    void shouldRefuseTheHeaderSignature_whenAnySignedPartChanged() throws Exception {
        EdgeRequest tampered = new EdgeRequest(AwsService.S3, "GET", "/test2.txt", "",
                documentedGet("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41").headers(),
                EdgeBody.empty());
        SigV4.Signed signed = SigV4.parse(tampered).orElseThrow();

        SigV4.Refused refused = catchThrowableOfType(SigV4.Refused.class, () -> SigV4.verify(tampered, signed, SECRET));

        assertThat(refused.failure()).isEqualTo(SigV4.Failure.MISMATCH);
        assertThat(catchThrowableOfType(SigV4.Refused.class, () -> SigV4.verify(tampered, signed, "other")))
                .isNotNull();
    }

    @Test
    void shouldRefuseAHeaderSignature_moreThanFifteenMinutesFromNow() throws Exception {
        SigV4.Signed signed = SigV4.parse(
                documentedGet("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")).orElseThrow();

        SigV4.Refused refused = catchThrowableOfType(SigV4.Refused.class,
                () -> SigV4.checkTime(signed, SIGNED_AT.plusSeconds(16 * 60)));

        assertThat(refused.failure()).isEqualTo(SigV4.Failure.EXPIRED);
        assertThat(refused.getMessage()).startsWith("Signature expired: 20130524T000000Z is now earlier than");
    }

    @Test
    void shouldAcceptTheDocumentedPresignedUrl_untilItExpires() throws Exception {
        EdgeRequest request = new EdgeRequest(AwsService.S3, "GET", "/test.txt",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1"
                        + "%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400"
                        + "&X-Amz-SignedHeaders=host&X-Amz-Signature="
                        + "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
                Map.of("Host", List.of("examplebucket.s3.amazonaws.com")), EdgeBody.empty());

        SigV4.Signed signed = SigV4.parse(request).orElseThrow();
        SigV4.verify(request, signed, SECRET);
        SigV4.checkTime(signed, SIGNED_AT.plusSeconds(86_400));
        SigV4.Refused expired = catchThrowableOfType(SigV4.Refused.class,
                () -> SigV4.checkTime(signed, SIGNED_AT.plusSeconds(86_401)));

        assertThat(signed.presigned()).isTrue();
        assertThat(expired.failure()).isEqualTo(SigV4.Failure.EXPIRED);
        assertThat(expired.getMessage()).isEqualTo("Request has expired");
    }

    @Test
    void shouldHashTheBody_forServicesOtherThanS3() throws Exception {
        // The same request with another body must not keep its signature: DynamoDB signs the body's hash.
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:8081"));
        headers.put("X-Amz-Date", List.of("20130524T000000Z"));
        headers.put("X-Amz-Target", List.of("DynamoDB_20120810.GetItem"));
        EdgeRequest unsigned = new EdgeRequest(AwsService.DYNAMODB, "POST", "/", "", headers,
                EdgeBody.of("{\"TableName\":\"Jobs-test\"}".getBytes(StandardCharsets.UTF_8)));
        SigV4.Signed draft = new SigV4.Signed("AKID", "20130524", "eu-west-2", "dynamodb", SIGNED_AT,
                List.of("host", "x-amz-date", "x-amz-target"), "", null);
        String signature = SigV4.signature(unsigned, draft, SECRET);
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKID/20130524/eu-west-2/dynamodb/"
                + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=" + signature));
        EdgeRequest signed = new EdgeRequest(AwsService.DYNAMODB, "POST", "/", "", headers,
                EdgeBody.of("{\"TableName\":\"Jobs-test\"}".getBytes(StandardCharsets.UTF_8)));
        EdgeRequest otherBody = new EdgeRequest(AwsService.DYNAMODB, "POST", "/", "", headers,
                EdgeBody.of("{\"TableName\":\"Jobs-prod\"}".getBytes(StandardCharsets.UTF_8)));

        SigV4.verify(signed, SigV4.parse(signed).orElseThrow(), SECRET);
        assertThat(catchThrowableOfType(SigV4.Refused.class,
                () -> SigV4.verify(otherBody, SigV4.parse(otherBody).orElseThrow(), SECRET)).failure())
                .isEqualTo(SigV4.Failure.MISMATCH);
    }

    @Test
    void shouldFindNoSignature_onAnUnsignedRequest() throws Exception {
        EdgeRequest request = new EdgeRequest(AwsService.S3, "GET", "/test.txt", "", Map.of(), EdgeBody.empty());

        assertThat(SigV4.parse(request)).isEmpty();
    }

    private static EdgeRequest documentedGet(String signature) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("examplebucket.s3.amazonaws.com"));
        headers.put("Range", List.of("bytes=0-9"));
        headers.put("x-amz-content-sha256", List.of(EMPTY_SHA256));
        headers.put("x-amz-date", List.of("20130524T000000Z"));
        headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/"
                + "s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=" + signature));
        return new EdgeRequest(AwsService.S3, "GET", "/test.txt", "", headers, EdgeBody.empty());
    }
}
