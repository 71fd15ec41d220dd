package io.mocplatform.imageapi.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** Lambda entry point of the image API (API Gateway HTTP API, payload format 2.0). */
public class ImageApiHandler extends APIGatewayV2HTTPEventFunction {

    /** What Lambda calls: starts the application context from application.yml and the environment. */
    public ImageApiHandler() {
        super();
    }

    /** What tests and the devstack call, with a context they built. */
    public ImageApiHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }
}
