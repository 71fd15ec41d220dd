package io.mocplatform.imageapi.domain;

import io.mocplatform.imageapi.domain.port.UploadTicket;
import io.mocplatform.model.image.ImageMetadata;

/**
 * A newly requested upload: the pending image and how to send its bytes.
 *
 * @param image  the stored pending image
 * @param upload the signed upload
 */
public record PendingUpload(ImageMetadata image, UploadTicket upload) {
}
