package io.mocplatform.testkit;

import io.mocplatform.model.PlatformNames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One environment's resources on the emulators (or LocalStack): names, queue URLs and ARNs, topic ARN, and the
 * endpoints that serve them. Hand {@link #environmentVariables()} to a function the way Terraform sets its
 * environment, and {@link #micronautProperties()} to its application context.
 *
 * @param name           environment name, the suffix of every resource name
 * @param endpoints      where the services answer
 * @param resources      table, bucket, queue and topic names
 * @param jobsQueueUrl   URL of the drawing-jobs queue
 * @param jobsQueueArn   ARN of the drawing-jobs queue
 * @param jobsDlqUrl     URL of its dead-letter queue
 * @param jobsDlqArn     ARN of its dead-letter queue
 * @param alertsTopicArn ARN of the alerts topic
 * @param cdnBaseUrl     stands in for CloudFront: the images bucket's path-style URL on the S3 emulator
 * @param functionCredentials each function's own access key in this environment (empty where nothing enforces
 *                            roles, e.g. LocalStack)
 */
public record LocalAwsEnvironment(String name, LocalAwsEndpoints endpoints, PlatformNames.Resources resources,
                                  String jobsQueueUrl, String jobsQueueArn, String jobsDlqUrl, String jobsDlqArn,
                                  String alertsTopicArn, String cdnBaseUrl,
                                  Map<String, FunctionCredentials> functionCredentials) {

    /** The offline analyser: no network, the default locally and in tests. */
    public static final String OFFLINE_ANALYZER = "offline";
    /**
     * How long the reconciler lets a job sit before sending its message again: twelve of the default local
     * visibility timeouts (in AWS twice the 1800 s timeout), well above the local backoffs.
     */
    public static final java.time.Duration STALE_JOB_AFTER = LocalAwsConfig.DEFAULT_VISIBILITY_TIMEOUT
            .multipliedBy(12);

    public LocalAwsEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(jobsQueueUrl, "jobsQueueUrl");
        Objects.requireNonNull(jobsQueueArn, "jobsQueueArn");
        Objects.requireNonNull(jobsDlqUrl, "jobsDlqUrl");
        Objects.requireNonNull(jobsDlqArn, "jobsDlqArn");
        Objects.requireNonNull(alertsTopicArn, "alertsTopicArn");
        Objects.requireNonNull(cdnBaseUrl, "cdnBaseUrl");
        functionCredentials = Map.copyOf(functionCredentials);
    }

    /** An environment without function credentials: every client signs with {@link #endpoints()}' key. */
    public LocalAwsEnvironment(String name, LocalAwsEndpoints endpoints, PlatformNames.Resources resources,
                               String jobsQueueUrl, String jobsQueueArn, String jobsDlqUrl, String jobsDlqArn,
                               String alertsTopicArn, String cdnBaseUrl) {
        this(name, endpoints, resources, jobsQueueUrl, jobsQueueArn, jobsDlqUrl, jobsDlqArn, alertsTopicArn,
                cdnBaseUrl, Map.of());
    }

    /** The same resources, with another CDN origin and the functions' own credentials. */
    LocalAwsEnvironment with(String cdnOrigin, Map<String, FunctionCredentials> credentials) {
        return new LocalAwsEnvironment(name, endpoints, resources, jobsQueueUrl, jobsQueueArn, jobsDlqUrl,
                jobsDlqArn, alertsTopicArn, cdnOrigin, credentials);
    }

    /**
     * The variables Terraform sets on the functions ({@link PlatformNames}), for this environment, with the
     * offline analyser. The Gemini variables are left out: locally nothing calls Gemini.
     */
    public Map<String, String> environmentVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(PlatformNames.APP_ENV, name);
        variables.put(PlatformNames.JOBS_TABLE, resources.jobsTable());
        variables.put(PlatformNames.IMAGES_TABLE, resources.imagesTable());
        variables.put(PlatformNames.IMAGES_BUCKET, resources.imagesBucket());
        variables.put(PlatformNames.DRAWINGS_BUCKET, resources.drawingsBucket());
        variables.put(PlatformNames.JOBS_QUEUE_URL, jobsQueueUrl);
        variables.put(PlatformNames.JOBS_QUEUE_ARN, jobsQueueArn);
        variables.put(PlatformNames.JOBS_DLQ_ARN, jobsDlqArn);
        variables.put(PlatformNames.ALERTS_TOPIC_ARN, alertsTopicArn);
        variables.put(PlatformNames.CDN_BASE_URL, cdnBaseUrl);
        variables.put(PlatformNames.ANALYZER, OFFLINE_ANALYZER);
        variables.put(PlatformNames.CURSOR_KEY_PARAMETER, resources.cursorKeyParameter());
        variables.put(PlatformNames.CURSOR_KEY_VERSION, "1");
        variables.put(PlatformNames.DLQ_RUNBOOK_URL, localRunbookUrl());
        variables.put(PlatformNames.STALE_JOB_AFTER, STALE_JOB_AFTER.toString());
        return variables;
    }

    /**
     * Where dead-letter alerts link to locally: the repository's own runbook as an absolute {@code file:} URL
     * (found from the working directory upwards; a module directory and the repository root both work), as the
     * deployed stack links to it on the code host.
     */
    static String localRunbookUrl() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path runbook = dir.resolve("docs").resolve("runbook.md");
            if (Files.isRegularFile(runbook)) {
                return runbook.toUri().toString();
            }
        }
        return start.resolve("docs").resolve("runbook.md").toUri().toString();
    }

    /** The variables of one function only, as {@link PlatformNames#FUNCTION_ENVIRONMENT} lists them. */
    public Map<String, String> environmentVariablesFor(String function) {
        var names = PlatformNames.FUNCTION_ENVIRONMENT.get(function);
        if (names == null) {
            throw new IllegalArgumentException("unknown function " + function);
        }
        Map<String, String> all = environmentVariables();
        Map<String, String> selected = new LinkedHashMap<>();
        names.stream().filter(all::containsKey).forEach(variable -> selected.put(variable, all.get(variable)));
        return selected;
    }

    /**
     * Micronaut properties pointing micronaut-aws-sdk-v2's clients (and the SSM reader) at {@link #endpoints()},
     * signing with the administrator's key: for code that is not a function. A function gets
     * {@link #micronautPropertiesFor(String)}.
     */
    public Map<String, Object> micronautProperties() {
        return endpoints.micronautProperties();
    }

    /**
     * Micronaut properties for one function: the same endpoints, signing with the function's own key, so the AWS
     * edge judges its every call by its role in the platform contract, as AWS does.
     */
    public Map<String, Object> micronautPropertiesFor(String function) {
        return endpointsFor(function).micronautProperties();
    }

    /** {@link #endpoints()} with the function's own key: clients built from it act as the function. */
    public LocalAwsEndpoints endpointsFor(String function) {
        if (functionCredentials.isEmpty()) {
            return endpoints;
        }
        FunctionCredentials credentials = functionCredentials.get(function);
        if (credentials == null) {
            throw new IllegalArgumentException("no credentials for function " + function + "; known: "
                    + functionCredentials.keySet());
        }
        return endpoints.withCredentials(credentials.accessKeyId(), credentials.secretAccessKey());
    }
}
