package io.mocplatform.jobapi.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/** The Lambda entry point behind the HTTP API (payload 2.0): Micronaut routes each event to the controllers. */
public class JobApiHandler extends APIGatewayV2HTTPEventFunction {

    /** What the Lambda runtime calls: builds the application context from application.yml and the environment. */
    public JobApiHandler() {
        super();
    }

    /** What tests and the devstack call with a context they configured. */
    public JobApiHandler(ApplicationContext context) {
        super(context);
    }
}
