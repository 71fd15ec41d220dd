package io.mocplatform.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.servlet.http.ServletHttpRequest;
import io.mocplatform.function.logging.LogContext;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs before every route: assigns the correlation id, opens the logging scope, and resolves the caller from
 * the JWT authorizer's claims (API Gateway has already verified the token). A request without a {@code sub}
 * claim is answered 401 here and never reaches a controller. After the route, the correlation id is echoed in
 * {@code X-Correlation-Id}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ApiRequestFilter implements io.micronaut.core.order.Ordered {

    static final String CALLER_ATTRIBUTE = "mocplatform.caller";
    private static final String LOG_SCOPE_ATTRIBUTE = "mocplatform.log-scope";

    private final String functionName;

    public ApiRequestFilter(@Value("${micronaut.application.name:api}") String functionName) {
        this.functionName = functionName;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> beforeRoute(HttpRequest<?> request) {
        Optional<APIGatewayV2HTTPEvent> event = gatewayEvent(request);
        String correlationId = request.getHeaders().get(Correlation.HEADER, String.class)
                .filter(Correlation::acceptable)
                .or(() -> event.map(e -> e.getRequestContext() == null ? null : e.getRequestContext().getRequestId()))
                .orElseGet(() -> UUID.randomUUID().toString());
        request.setAttribute(Correlation.ATTRIBUTE, correlationId);
        request.setAttribute(LOG_SCOPE_ATTRIBUTE, LogContext.open(functionName, correlationId));

        Optional<String> sub = event.map(ApiRequestFilter::claims).map(c -> c.get("sub")).filter(s -> !s.isBlank());
        if (sub.isEmpty()) {
            return ProblemResponses.of(request, ProblemException.unauthorized(
                    "The request carries no verified identity; send a valid bearer token."));
        }
        request.setAttribute(CALLER_ATTRIBUTE, new Caller(sub.get()));
        return null;
    }

    @ResponseFilter
    public void afterRoute(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String correlationId = Correlation.of(request);
        if (correlationId != null && !response.getHeaders().contains(Correlation.HEADER)) {
            response.header(Correlation.HEADER, correlationId);
        }
        request.getAttribute(LOG_SCOPE_ATTRIBUTE, LogContext.class).ifPresent(LogContext::close);
    }

    /** The API Gateway v2 event behind the request, when running behind API Gateway (or the devstack's copy). */
    static Optional<APIGatewayV2HTTPEvent> gatewayEvent(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            return Optional.of(event);
        }
        return Optional.empty();
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Map.of();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        return claims == null ? Map.of() : claims;
    }
}
