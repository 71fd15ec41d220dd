package io.mocplatform.imageapi.api;

import io.micronaut.context.ApplicationContext;
import io.mocplatform.api.ApiFunction;

/** Lambda entry point of the image API (API Gateway HTTP API, payload format 2.0). */
public class ImageApiHandler extends ApiFunction {

    /** What Lambda calls: a lazy context ({@link ApiFunction}) from application.properties and the environment. */
    public ImageApiHandler() {
        super();
    }

    /** What tests and the devstack call, with a context they built. */
    public ImageApiHandler(ApplicationContext applicationContext) {
        super(applicationContext);
    }
}
