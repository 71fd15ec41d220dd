package io.mocplatform.model;

import java.util.List;

/**
 * Environment variables that Terraform sets on each function and the devstack sets locally. The names and the
 * per-function lists must match {@code contract/platform-contract.json}; {@code PlatformContractTest} checks it.
 */
public final class PlatformNames {

    /** Deployment environment: {@code dev}, {@code staging} or {@code prod}. */
    public static final String APP_ENV = "APP_ENV";
    /** Name of the Jobs table. */
    public static final String JOBS_TABLE = "JOBS_TABLE";
    /** Name of the ImageMetadata table. */
    public static final String IMAGES_TABLE = "IMAGES_TABLE";
    /** Bucket holding uploaded images. */
    public static final String IMAGES_BUCKET = "IMAGES_BUCKET";
    /** Bucket holding uploaded drawings, rendered pages and results. */
    public static final String DRAWINGS_BUCKET = "DRAWINGS_BUCKET";
    /** URL of the drawing-jobs queue. */
    public static final String JOBS_QUEUE_URL = "JOBS_QUEUE_URL";
    /** ARN of the drawing-jobs queue (for the redrive command in alerts). */
    public static final String JOBS_QUEUE_ARN = "JOBS_QUEUE_ARN";
    /** ARN of the drawing-jobs dead-letter queue. */
    public static final String JOBS_DLQ_ARN = "JOBS_DLQ_ARN";
    /** ARN of the SNS topic that pages the on-call engineer. */
    public static final String ALERTS_TOPIC_ARN = "ALERTS_TOPIC_ARN";
    /** Base URL of the CDN in front of the images bucket. */
    public static final String CDN_BASE_URL = "CDN_BASE_URL";
    /** Drawing analyser: {@code offline} or {@code gemini}. */
    public static final String ANALYZER = "ANALYZER";
    /** SSM parameter (SecureString) holding the Gemini API key. */
    public static final String GEMINI_API_KEY_PARAMETER = "GEMINI_API_KEY_PARAMETER";
    /** Gemini model name. */
    public static final String GEMINI_MODEL = "GEMINI_MODEL";

    /** The variables each function reads, keyed by the function's module name. */
    public static final java.util.Map<String, List<String>> FUNCTION_ENVIRONMENT = java.util.Map.of(
            "job-api", List.of(APP_ENV, JOBS_TABLE, DRAWINGS_BUCKET, JOBS_QUEUE_URL),
            "image-api", List.of(APP_ENV, IMAGES_TABLE, IMAGES_BUCKET, CDN_BASE_URL),
            "drawing-processor", List.of(APP_ENV, JOBS_TABLE, DRAWINGS_BUCKET, JOBS_QUEUE_URL, ANALYZER,
                    GEMINI_API_KEY_PARAMETER, GEMINI_MODEL),
            "dlq-handler", List.of(APP_ENV, JOBS_TABLE, ALERTS_TOPIC_ARN, JOBS_QUEUE_ARN, JOBS_DLQ_ARN));

    /** Global secondary index of the images table keyed by owner. */
    public static final String IMAGES_BY_USER_INDEX = "UserIndex";
    /** Global secondary index of the images table keyed by album (sparse). */
    public static final String IMAGES_BY_ALBUM_INDEX = "AlbumIndex";
    /** Global secondary index of the jobs table keyed by owner and creation time. */
    public static final String JOBS_BY_OWNER_INDEX = "OwnerIndex";

    private PlatformNames() {
    }

    /** Resource names for one environment, as Terraform creates them (without the optional bucket suffix). */
    public record Resources(String jobsTable, String imagesTable, String imagesBucket, String drawingsBucket,
                            String jobsQueue, String jobsDlq, String alertsTopic) {

        /** Names for the given environment, e.g. {@code dev}. */
        public static Resources forEnvironment(String env) {
            return new Resources("Jobs-" + env, "ImageMetadata-" + env, "images-lego-moc-" + env,
                    "drawings-lego-moc-" + env, "drawing-jobs-" + env, "drawing-jobs-dlq-" + env, "alerts-" + env);
        }
    }
}
