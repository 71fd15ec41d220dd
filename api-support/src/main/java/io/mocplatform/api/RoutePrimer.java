package io.mocplatform.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.mocplatform.function.lambda.LocalLambdaContext;
import io.mocplatform.function.snapstart.Primer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;

/**
 * Warms an API function before its SnapStart snapshot: one {@code GET} of {@code api.priming.path} (configure an
 * id that cannot exist, so the answer is a 404 after a real DynamoDB read) through the function's own handler and
 * context, as a synthetic caller. Routing, the request filter, argument binding, the SDK read path, serialisation
 * and problem+json rendering are then loaded when the first real request arrives. It writes nothing.
 */
@Singleton
@Requires(property = "api.priming.path")
public class RoutePrimer implements Primer {

    static final String SYNTHETIC_CALLER = "snapstart-primer";

    private final ApplicationContext context;
    private final String path;

    public RoutePrimer(ApplicationContext context, @Value("${api.priming.path}") String path) {
        this.context = context;
        this.path = path;
    }

    @Override
    public void prime() {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build();
        var claims = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(Map.of("sub", SYNTHETIC_CALLER)).build()).build();
        var event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET " + path)
                .withRawPath(path).withRawQueryString("").withHeaders(Map.of("accept", "application/json"))
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http)
                        .withRequestId("snapstart-priming").withStage("$default").withRouteKey("GET " + path)
                        .withAuthorizer(claims).build())
                .build();
        // A second handler over the same context: the beans it warms are the ones real requests use. It is not
        // closed, because closing a handler closes its context.
        new APIGatewayV2HTTPEventFunction(context)
                .handleRequest(event, LocalLambdaContext.of("snapstart-priming", Duration.ofSeconds(10)));
    }
}
