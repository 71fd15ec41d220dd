package io.mocplatform.imageapi.support;

import io.mocplatform.testkit.api.ApiGatewayEvents;
import io.micronaut.context.ApplicationContext;
import io.mocplatform.imageapi.api.ImageApiHandler;
import io.mocplatform.testkit.LocalAwsEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real {@link ImageApiHandler} on an application context pointed at one test-kit environment, configured
 * the way Terraform configures the function: through the {@code IMAGES_TABLE}, {@code IMAGES_BUCKET} and
 * {@code CDN_BASE_URL} variables that application.properties reads.
 */
public final class ImageApiHarness implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalAwsEnvironment environment;
    private final ImageApiHandler handler;
    private final ApiGatewayEvents events;

    public ImageApiHarness(LocalAwsEnvironment environment, Map<String, Object> extraProperties) {
        this.environment = environment;
        Map<String, Object> properties = new HashMap<>(environment.micronautPropertiesFor("image-api"));
        properties.putAll(environment.environmentVariablesFor("image-api"));
        properties.put("tracing.enabled", "false");
        properties.putAll(extraProperties);
        this.handler = new ImageApiHandler(ApplicationContext.builder().properties(properties).start());
        this.events = new ApiGatewayEvents(handler, "image-api");
    }

    public ImageApiHarness(LocalAwsEnvironment environment) {
        this(environment, Map.of());
    }

    public ApiGatewayEvents events() {
        return events;
    }

    public ApiGatewayEvents.Request as(String sub) {
        return events.as(sub);
    }

    public ApplicationContext context() {
        return handler.getApplicationContext();
    }

    public LocalAwsEnvironment environment() {
        return environment;
    }

    /** Sends the bytes the way a browser would: the signed method, URL and headers, over real HTTP. */
    @SuppressWarnings("unchecked")
    public static int upload(Map<String, Object> upload, byte[] bytes) {
        var request = HttpRequest.newBuilder(URI.create((String) upload.get("url")))
                .method((String) upload.get("method"), HttpRequest.BodyPublishers.ofByteArray(bytes));
        ((Map<String, String>) upload.get("headers")).forEach((name, value) -> {
            // The HTTP client sets Content-Length itself from the body, as browsers do.
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST /images for {@code sub} and the bytes' declared type and size; returns the 201 body. */
    public Map<String, Object> requestUpload(String sub, String contentType, long size, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("filename", "moc.bin", "content_type", contentType,
                "size_bytes", size));
        body.putAll(extra);
        var response = as(sub).post("/images", body);
        if (response.status() != 201) {
            throw new AssertionError("expected 201, got " + response);
        }
        return response.json();
    }

    /** Requests an upload, uploads the bytes, completes it; returns the completion's answer. */
    @SuppressWarnings("unchecked")
    public ApiGatewayEvents.Response uploadAndComplete(String sub, String contentType, byte[] bytes,
                                                    Map<String, Object> extra) {
        Map<String, Object> created = requestUpload(sub, contentType, bytes.length, extra);
        int uploaded = upload((Map<String, Object>) created.get("upload"), bytes);
        if (uploaded != 200) {
            throw new AssertionError("upload answered " + uploaded);
        }
        return as(sub).post("/images/" + created.get("image_id") + "/complete");
    }

    /** An active PNG image of {@code sub}'s; returns its id. */
    public String activeImage(String sub, Map<String, Object> extra) {
        var response = uploadAndComplete(sub, "image/png", TestImages.png(8, 6), extra);
        if (response.status() != 200) {
            throw new AssertionError("expected 200, got " + response);
        }
        return response.field("image_id");
    }

    /** The ids of a listing's items. */
    @SuppressWarnings("unchecked")
    public static List<String> ids(ApiGatewayEvents.Response listing) {
        return ((List<Map<String, Object>>) listing.json().get("items")).stream()
                .map(item -> (String) item.get("image_id")).toList();
    }

    @Override
    public void close() {
        handler.close();
    }
}
