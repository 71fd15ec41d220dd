package io.mocplatform.testkit.iam;

import java.util.Map;
import java.util.Objects;

/**
 * What one AWS request asks to do, as IAM sees it: an action on a resource, with the condition keys the request
 * brings ({@code s3:prefix} of a listing, ...).
 *
 * @param action   {@code service:Operation}, e.g. {@code dynamodb:GetItem}
 * @param resource the resource's ARN, or {@code *} for actions without one
 * @param context  condition keys (lower-case names) and their values
 */
public record AccessRequest(String action, String resource, Map<String, String> context) {

    public AccessRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = Map.copyOf(context);
    }

    public AccessRequest(String action, String resource) {
        this(action, resource, Map.of());
    }
}
