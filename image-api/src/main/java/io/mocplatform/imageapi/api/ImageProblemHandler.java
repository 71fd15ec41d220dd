package io.mocplatform.imageapi.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.mocplatform.api.Problem;
import io.mocplatform.api.ProblemException;
import io.mocplatform.api.ProblemResponses;
import io.mocplatform.imageapi.domain.ImageException;
import jakarta.inject.Singleton;

/** The one translation of the image domain's refusals into problem+json answers. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
class ImageProblemHandler implements ExceptionHandler<ImageException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ImageException exception) {
        var response = ProblemResponses.of(request, toProblem(exception));
        if (exception instanceof ImageException.StaleVersion stale && stale.currentVersion() != null) {
            response.header("ETag", EntityTags.of(stale.currentVersion()));
        }
        return response;
    }

    static ProblemException toProblem(ImageException exception) {
        return switch (exception) {
            case ImageException.NotFound notFound ->
                    ProblemException.notFound("image_not_found", notFound.getMessage());
            case ImageException.InvalidRequest invalid ->
                    ProblemException.invalid(invalid.getMessage(), invalid.violations());
            case ImageException.UnsupportedType unsupported ->
                    ProblemException.unsupportedMediaType("unsupported_image_type", unsupported.getMessage());
            case ImageException.TooLarge tooLarge ->
                    ProblemException.tooLarge("image_too_large", tooLarge.getMessage());
            case ImageException.UploadRejected rejected ->
                    new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, rejected.reason().slug(),
                            "Upload rejected", rejected.getMessage(), null, null);
            case ImageException.StaleVersion stale -> ProblemException.preconditionFailed(stale.getMessage());
        };
    }
}
