package io.mocplatform.testkit.faults;

import java.util.Arrays;
import java.util.Locale;

/** The emulated services a fault can be injected into, by the name {@code --faults} uses. */
public enum AwsService {
    DYNAMODB, S3, SQS, SNS;

    /** {@code dynamodb}, {@code s3}, {@code sqs} or {@code sns}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AwsService fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown service '" + key + "' in fault plan; expected one of "
                        + Arrays.stream(values()).map(AwsService::key).toList()));
    }
}
