package io.mocplatform.testkit.edge;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS Signature Version 4 as the services check it: the {@code Authorization} header, or the {@code X-Amz-*}
 * query parameters of a presigned URL (with its expiry). S3 takes the payload hash from
 * {@code x-amz-content-sha256} ({@code UNSIGNED-PAYLOAD} and the {@code STREAMING-…} values included; the chunk
 * signatures of a streamed body are not checked); the other services sign the SHA-256 of the body, computed here.
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** How far a header-signed request's time may be from ours, as AWS allows. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    /** The longest validity of a presigned URL: seven days. */
    static final long MAX_EXPIRES_SECONDS = 604_800;

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {
    }

    /**
     * The signature a request carries.
     *
     * @param accessKeyId   who signed
     * @param scopeDate     {@code yyyyMMdd} of the credential scope
     * @param region        region of the scope
     * @param service       service of the scope
     * @param amzDate       the request time ({@code X-Amz-Date})
     * @param signedHeaders lower-case names, in the order signed
     * @param signature     hex HMAC
     * @param expires       validity of a presigned URL, null for header signatures
     */
    record Signed(String accessKeyId, String scopeDate, String region, String service, Instant amzDate,
                  List<String> signedHeaders, String signature, Duration expires) {

        boolean presigned() {
            return expires != null;
        }
    }

    /** Why a request is refused before any policy is looked at; each service names these its own way. */
    enum Failure {
        /** No signature at all. */
        MISSING,
        /** A signature that cannot be read (other algorithm, missing parts, bad dates). */
        MALFORMED,
        /** Signed for another service than the endpoint's. */
        WRONG_SERVICE,
        /** The presigned URL's time is over, or a header signature is too far from now. */
        EXPIRED,
        /** Recomputed with the key's secret, the signature differs. */
        MISMATCH
    }

    /** A refusal with the detail AWS gives. */
    static final class Refused extends Exception {
        private final Failure failure;

        Refused(Failure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    /** Reads the signature of a request; empty when the request carries none. */
    static Optional<Signed> parse(EdgeRequest request) throws Refused {
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent()) {
            return Optional.of(parseHeader(authorization.get(), request));
        }
        Map<String, List<String>> query = request.queryParameters();
        if (query.containsKey("X-Amz-Algorithm") || query.containsKey("X-Amz-Signature")) {
            return Optional.of(parseQuery(query));
        }
        return Optional.empty();
    }

    private static Signed parseHeader(String authorization, EdgeRequest request) throws Refused {
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw new Refused(Failure.MALFORMED, "Unsupported Authorization Type");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            String trimmed = part.trim();
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String value = trimmed.substring(equals + 1);
            switch (trimmed.substring(0, equals)) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> {
                    // Nothing else is part of a SigV4 header; what is not needed is not judged.
                }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw new Refused(Failure.MALFORMED, "Authorization header requires 'Credential', 'Signature' and "
                    + "'SignedHeaders' parameters");
        }
        String date = request.header("X-Amz-Date").orElse(null);
        if (date == null) {
            throw new Refused(Failure.MALFORMED, "Authorization header requires existence of either a "
                    + "'X-Amz-Date' or a 'Date' header");
        }
        return signed(credential, date, signedHeaders, signature, null);
    }

    private static Signed parseQuery(Map<String, List<String>> query) throws Refused {
        String algorithm = first(query, "X-Amz-Algorithm");
        if (!ALGORITHM.equals(algorithm)) {
            throw new Refused(Failure.MALFORMED, "X-Amz-Algorithm only supports \"" + ALGORITHM + "\"");
        }
        String expires = first(query, "X-Amz-Expires");
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException | NullPointerException e) {
            throw new Refused(Failure.MALFORMED, "X-Amz-Expires should be a number");
        }
        if (seconds < 0 || seconds > MAX_EXPIRES_SECONDS) {
            throw new Refused(Failure.MALFORMED,
                    "X-Amz-Expires must be less than a week (in seconds) that is 604800");
        }
        return signed(first(query, "X-Amz-Credential"), first(query, "X-Amz-Date"),
                first(query, "X-Amz-SignedHeaders"), first(query, "X-Amz-Signature"), Duration.ofSeconds(seconds));
    }

    private static Signed signed(String credential, String date, String signedHeaders, String signature,
                                 Duration expires) throws Refused {
        if (credential == null || date == null || signedHeaders == null || signature == null) {
            throw new Refused(Failure.MALFORMED, "Query-string authentication requires the X-Amz-Algorithm, "
                    + "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires "
                    + "parameters.");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw new Refused(Failure.MALFORMED, "Credential should be scoped to a valid region, not '"
                    + credential + "'");
        }
        Instant amzDate;
        try {
            amzDate = Instant.from(AMZ_DATE.parse(date));
        } catch (DateTimeParseException e) {
            throw new Refused(Failure.MALFORMED, "X-Amz-Date must be in the ISO8601 Long Format "
                    + "\"yyyyMMdd'T'HHmmss'Z'\"");
        }
        if (!date.startsWith(scope[1])) {
            throw new Refused(Failure.MALFORMED, "Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                    + "version of date from HTTP");
        }
        return new Signed(scope[0], scope[1], scope[2], scope[3], amzDate,
                Arrays.asList(signedHeaders.split(";")), signature, expires);
    }

    /** Checks the time rules: a presigned URL within its validity, a header signature within 15 minutes. */
    static void checkTime(Signed signed, Instant now) throws Refused {
        if (signed.presigned()) {
            Instant end = signed.amzDate().plus(signed.expires());
            if (now.isAfter(end)) {
                throw new Refused(Failure.EXPIRED, "Request has expired");
            }
        } else if (Duration.between(signed.amzDate(), now).abs().compareTo(MAX_SKEW) > 0) {
            throw new Refused(Failure.EXPIRED, "Signature expired: " + AMZ_DATE.format(signed.amzDate())
                    + " is now earlier than " + AMZ_DATE.format(now.minus(MAX_SKEW)) + " ("
                    + AMZ_DATE.format(now) + " - 15 min.)");
        }
    }

    /** Recomputes the signature with {@code secret} and compares it in constant time. */
    static void verify(EdgeRequest request, Signed signed, String secret) throws Refused, IOException {
        String expected = signature(request, signed, secret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signed.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused(Failure.MISMATCH, "The request signature we calculated does not match the "
                    + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the "
                    + "service documentation for details.");
        }
    }

    static String signature(EdgeRequest request, Signed signed, String secret) throws IOException {
        String canonical = canonicalRequest(request, signed);
        String scope = signed.scopeDate() + "/" + signed.region() + "/" + signed.service() + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + AMZ_DATE.format(signed.amzDate()) + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), signed.scopeDate());
        key = hmac(key, signed.region());
        key = hmac(key, signed.service());
        key = hmac(key, "aws4_request");
        return HEX.formatHex(hmac(key, stringToSign));
    }

    static String canonicalRequest(EdgeRequest request, Signed signed) throws IOException {
        boolean s3 = "s3".equals(signed.service());
        StringBuilder canonical = new StringBuilder(256);
        canonical.append(request.method()).append('\n');
        // S3 signs the path as sent; the other services sign it encoded once more.
        String path = request.rawPath().isEmpty() ? "/" : request.rawPath();
        canonical.append(s3 ? path : encode(path, false)).append('\n');
        canonical.append(canonicalQuery(request.rawQuery(), signed.presigned())).append('\n');
        for (String name : signed.signedHeaders()) {
            List<String> values = request.headers().get(name);
            List<String> trimmed = new ArrayList<>();
            if (values != null) {
                values.forEach(value -> trimmed.add(value.trim().replaceAll(" +", " ")));
            }
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(String.join(";", signed.signedHeaders())).append('\n');
        canonical.append(payloadHash(request, signed, s3));
        return canonical.toString();
    }

    private static String payloadHash(EdgeRequest request, Signed signed, boolean s3) throws IOException {
        if (s3) {
            return request.header("x-amz-content-sha256").orElse("UNSIGNED-PAYLOAD");
        }
        return HEX.formatHex(sha256(request.body().bytes()));
    }

    private static String canonicalQuery(String rawQuery, boolean presigned) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        FormEncoding.decode(rawQuery).forEach((name, values) -> {
            if (presigned && "X-Amz-Signature".equals(name)) {
                return;
            }
            for (String value : values) {
                pairs.add(new String[] {encode(name, true), encode(value, true)});
            }
        });
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters (and {@code /} in paths). */
    static String encode(String value, boolean encodeSlash) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return encoded.toString();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
