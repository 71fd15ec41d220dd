package io.mocplatform.testkit.edge;

/** The AWS services the edge fronts, by the name they sign for (the service part of a SigV4 credential scope). */
public enum AwsService {
    DYNAMODB("dynamodb"),
    SQS("sqs"),
    S3("s3"),
    SNS("sns"),
    SSM("ssm");

    private final String signingName;

    AwsService(String signingName) {
        this.signingName = signingName;
    }

    /** The name in SigV4 credential scopes and in IAM actions ({@code dynamodb:GetItem}). */
    public String signingName() {
        return signingName;
    }
}
