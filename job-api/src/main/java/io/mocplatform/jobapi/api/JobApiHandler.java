package io.mocplatform.jobapi.api;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.api.ApiFunction;

/** The Lambda entry point behind the HTTP API (payload 2.0): Micronaut routes each event to the controllers. */
public class JobApiHandler extends ApiFunction {

    /** What Lambda calls: a lazy context ({@link ApiFunction}) from application.properties and the environment. */
    public JobApiHandler() {
        super();
    }

    /** What tests and the devstack call with a context they configured. */
    public JobApiHandler(ApplicationContext context) {
        super(context);
    }
}
