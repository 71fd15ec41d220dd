package io.mocplatform.devstack.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * The gateway's own error answers, as RFC 9457 problems in the platform's format (the functions answer theirs;
 * these are the ones API Gateway gives before or instead of a function).
 */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static byte[] body(int status, String slug, String title, String detail, String correlationId) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "urn:moc-platform:problem:" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("correlation_id", correlationId);
        return problem.toString().getBytes(StandardCharsets.UTF_8);
    }
}
