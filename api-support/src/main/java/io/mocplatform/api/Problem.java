package io.mocplatform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error answer ({@code application/problem+json}).
 *
 * @param type          identifies the kind of problem, {@code urn:moc-platform:problem:<slug>}
 * @param title         short summary of the kind of problem
 * @param status        the HTTP status
 * @param detail        what went wrong with this request, in words a client developer can act on
 * @param correlationId the request's correlation id, to quote when asking for help
 * @param errors        the individual violations, when there are several
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String correlationId,
                      List<String> errors) {

    /** Media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_PREFIX = "urn:moc-platform:problem:";

    /** The type URI for a problem slug such as {@code job_not_found}. */
    public static String typeOf(String slug) {
        return TYPE_PREFIX + slug;
    }
}
