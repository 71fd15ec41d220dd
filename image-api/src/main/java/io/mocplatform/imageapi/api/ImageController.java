package io.mocplatform.imageapi.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.mocplatform.api.Caller;
import io.mocplatform.api.CursorCodec;
import io.mocplatform.api.JsonBodies;
import io.mocplatform.api.JsonObject;
import io.mocplatform.function.metrics.Metrics;
import io.mocplatform.imageapi.config.ImageApiConfiguration;
import io.mocplatform.imageapi.domain.ImageException;
import io.mocplatform.imageapi.domain.ImageService;
import io.mocplatform.imageapi.domain.NewUpload;
import io.mocplatform.imageapi.domain.PendingUpload;
import io.mocplatform.imageapi.domain.port.Page;
import io.mocplatform.imageapi.domain.port.PageRequest;
import io.mocplatform.model.image.ImageMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.model.Unit;

import java.util.Map;
import java.util.Set;

/** The image routes: parse, call the one domain service, map the outcome. */
@Controller("/images")
class ImageController {

    private static final Logger LOG = LoggerFactory.getLogger(ImageController.class);
    /** Clients may keep a copy but must revalidate it (If-None-Match) before each use: edits show at once. */
    private static final String CACHE_CONTROL = "private, no-cache";
    private static final Set<String> UPLOAD_FIELDS = Set.of("filename", "content_type", "size_bytes", "album_id",
            "title", "description", "tags");

    private final ImageService images;
    private final CursorCodec cursors;
    private final JsonBodies bodies;
    private final MergePatchReader patches;
    private final Metrics metrics;
    private final int defaultPageSize;

    ImageController(ImageService images, CursorCodec cursors, JsonBodies bodies, MergePatchReader patches,
                    Metrics metrics, ImageApiConfiguration configuration) {
        this.images = images;
        this.cursors = cursors;
        this.bodies = bodies;
        this.patches = patches;
        this.metrics = metrics;
        this.defaultPageSize = configuration.defaultPageSize();
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<UploadCreatedView> create(Caller caller, HttpRequest<?> http, @Nullable @Body String body) {
        JsonObject request = bodies.read(http, body).allowOnly(UPLOAD_FIELDS);
        String filename = request.string("filename");
        String contentType = request.string("content_type");
        Long sizeBytes = request.integer("size_bytes");
        String albumId = request.string("album_id");
        String title = request.string("title");
        String description = request.string("description");
        java.util.List<String> tags = request.strings("tags");
        request.check();
        NewUpload upload = new NewUpload(caller.sub(), filename, contentType, sizeBytes == null ? 0 : sizeBytes,
                albumId, title, description, tags);
        PendingUpload pending = images.requestUpload(upload);
        ImageMetadata image = pending.image();
        LOG.info("upload requested for image {} ({}, {} bytes)", image.imageId(), image.contentType(), image.bytes());
        return HttpResponse.created(new UploadCreatedView(image.imageId(), image.status().wireName(),
                        UploadView.of(pending.upload())))
                .header(HttpHeaders.LOCATION, "/images/" + image.imageId())
                .header(HttpHeaders.ETAG, EntityTags.of(image.version()));
    }

    @Post("/{imageId}/complete")
    HttpResponse<ImageView> complete(Caller caller, @PathVariable String imageId) {
        try {
            ImageMetadata image = images.complete(caller.sub(), imageId);
            count("UploadVerified", imageId);
            return withEntityHeaders(HttpResponse.ok(view(image)), image);
        } catch (ImageException.UploadRejected rejected) {
            LOG.info("upload of image {} rejected: {}", imageId, rejected.reason().slug());
            count("UploadRejected", imageId);
            throw rejected;
        }
    }

    @Get("/{imageId}")
    HttpResponse<ImageView> get(Caller caller, @PathVariable String imageId,
                                @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ImageMetadata image = images.get(caller.sub(), imageId);
        if (EntityTags.noneMatchHits(ifNoneMatch, image.version())) {
            return withEntityHeaders(HttpResponse.status(HttpStatus.NOT_MODIFIED), image);
        }
        return withEntityHeaders(HttpResponse.ok(view(image)), image);
    }

    @Get
    ImageListView list(Caller caller, HttpRequest<?> request) {
        ListQuery query = ListQuery.from(request, defaultPageSize);
        String scope = caller.sub() + "|images|" + query.albumId().orElse("");
        Map<String, String> after = query.cursor().map(c -> cursors.decode(c, scope)).orElse(Map.of());
        Page<ImageMetadata> page = images.list(caller.sub(), query.albumId(), new PageRequest(query.limit(), after));
        return new ImageListView(page.items().stream().map(this::view).toList(),
                cursors.encode(page.next(), scope).orElse(null));
    }

    @Patch("/{imageId}")
    @Consumes(MergePatchReader.MEDIA_TYPE)
    HttpResponse<ImageView> patch(Caller caller, HttpRequest<?> http, @PathVariable String imageId,
                                  @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Nullable @Body String body) {
        Long expected = EntityTags.requiredIfMatch(ifMatch).orElse(null);
        ImageMetadata image = images.update(caller.sub(), imageId, expected, patches.read(http, body));
        return withEntityHeaders(HttpResponse.ok(view(image)), image);
    }

    @Delete("/{imageId}")
    HttpResponse<Void> delete(Caller caller, @PathVariable String imageId,
                              @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        images.delete(caller.sub(), imageId, EntityTags.optionalIfMatch(ifMatch).orElse(null));
        return HttpResponse.noContent();
    }

    private ImageView view(ImageMetadata image) {
        return ImageView.of(image, images.policy());
    }

    private static <T> HttpResponse<T> withEntityHeaders(io.micronaut.http.MutableHttpResponse<T> response,
                                                         ImageMetadata image) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(image.version()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }

    private void count(String metric, String imageId) {
        metrics.start().put(metric, 1, Unit.COUNT).property("image_id", imageId).flush();
    }
}
