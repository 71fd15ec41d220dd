package io.mocplatform.imageapi.domain;

import io.mocplatform.imageapi.domain.port.BlobStore;
import io.mocplatform.imageapi.domain.port.BlobStore.ObjectChangedException;
import io.mocplatform.imageapi.domain.port.BlobStore.StoredObject;
import io.mocplatform.imageapi.domain.port.ImageHeaderReader;
import io.mocplatform.imageapi.domain.port.ImageRepository;
import io.mocplatform.imageapi.domain.port.ImageRepository.VersionConflictException;
import io.mocplatform.imageapi.domain.port.Page;
import io.mocplatform.imageapi.domain.port.PageRequest;
import io.mocplatform.imageapi.domain.port.UploadTicket;
import io.mocplatform.model.IdGenerator;
import io.mocplatform.model.image.ImageKeys;
import io.mocplatform.model.image.ImageMetadata;
import io.mocplatform.model.image.ImageStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The image service's use cases. An image is created pending with a signed upload, becomes active only after its
 * bytes are verified, and is only ever visible to its owner. Every write is conditional on the version read.
 *
 * <p>The bytes that were verified are the bytes served. The signed upload writes to the image's staging key
 * ({@link ImageKeys#stagingKey}), which nothing serves; completion verifies the staged object and copies exactly
 * that version (pinned by its tag) to the served key ({@link ImageKeys#objectKey}), which no signed request ever
 * names. Replaying the upload after completion only writes a new staging object, which expires unused.
 */
public final class ImageService {

    /** Prefix of image ids. */
    public static final String ID_PREFIX = "img";
    /** How often activation re-reads and retries when an edit lands between its read and its write. */
    private static final int ACTIVATION_ATTEMPTS = 3;

    private final ImageRepository repository;
    private final BlobStore blobs;
    private final ImageVerifier verifier;
    private final ImagePolicy policy;
    private final Clock clock;
    private final IdGenerator ids;

    public ImageService(ImageRepository repository, BlobStore blobs, ImageHeaderReader headerReader,
                        ImagePolicy policy, Clock clock, IdGenerator ids) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.verifier = new ImageVerifier(Objects.requireNonNull(headerReader, "header reader"), policy);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public ImagePolicy policy() {
        return policy;
    }

    /**
     * Stores a pending image (expiring after {@link ImageMetadata#PENDING_RETENTION} unless completed) and signs
     * an upload bound to its declared type and size.
     */
    public PendingUpload requestUpload(NewUpload upload) {
        ImageFormat format = policy.formatFor(upload.contentType());
        if (upload.sizeBytes() > policy.maxBytes()) {
            throw new ImageException.TooLarge(upload.sizeBytes(), policy.maxBytes());
        }
        String imageId = ids.newId(ID_PREFIX);
        Instant now = now();
        ImageMetadata pending = ImageMetadata.builder()
                .imageId(imageId)
                .owner(upload.owner())
                .status(ImageStatus.PENDING_UPLOAD)
                .objectKey(ImageKeys.objectKey(upload.owner(), imageId))
                .filename(upload.filename())
                .contentType(format.contentType())
                .bytes(upload.sizeBytes())
                .title(upload.title())
                .description(upload.description())
                .tags(upload.tags())
                .albumId(upload.albumId())
                .uploadedAt(now)
                .updatedAt(now)
                .ttl(now.plus(ImageMetadata.PENDING_RETENTION).getEpochSecond())
                .build();
        ImageMetadata stored = repository.save(pending);
        UploadTicket ticket = blobs.signUpload(ImageKeys.stagingKey(upload.owner(), imageId), format.contentType(),
                upload.sizeBytes(), policy.uploadValidity());
        return new PendingUpload(stored, ticket);
    }

    /**
     * Verifies the uploaded (staged) object, copies exactly the verified version to the served key and activates
     * the image. An image that is already active is returned as it is, so a retried call is harmless. A rejected
     * object is deleted and the image stays pending (it expires).
     *
     * @throws ImageException.UploadRejected naming why the object was not accepted
     */
    public ImageMetadata complete(String owner, String imageId) {
        ImageMetadata image = owned(owner, imageId);
        if (image.status() == ImageStatus.ACTIVE) {
            return image;
        }
        ImageFormat format = ImageFormat.ofContentType(image.contentType()).orElseThrow(
                () -> new IllegalStateException("stored image " + imageId + " has unknown type " + image.contentType()));
        String staged = ImageKeys.stagingKey(image.owner(), image.imageId());
        Optional<StoredObject> upload = blobs.find(staged);
        if (upload.isEmpty()) {
            throw new ImageException.UploadRejected(RejectionReason.UPLOAD_MISSING,
                    "Nothing has been uploaded for this image yet; upload it with the signed request first.");
        }
        if (upload.get().size() != image.bytes()) {
            blobs.delete(staged);
            throw new ImageException.UploadRejected(RejectionReason.SIZE_MISMATCH, "The uploaded object has "
                    + upload.get().size() + " bytes; " + image.bytes() + " were declared. It has been removed.");
        }
        String tag = upload.get().tag();
        VerifiedImage verified;
        try (InputStream in = blobs.open(staged, tag)) {
            verified = verifier.verify(in, format, image.bytes());
        } catch (ImageException.UploadRejected rejected) {
            blobs.delete(staged);
            throw new ImageException.UploadRejected(rejected.reason(), rejected.getMessage() + " It has been removed.");
        } catch (ObjectChangedException replaced) {
            throw uploadChanged();
        } catch (IOException e) {
            throw new UncheckedIOException("reading uploaded object " + staged + " failed", e);
        }
        try {
            blobs.copy(staged, tag, image.objectKey());
        } catch (ObjectChangedException replaced) {
            throw uploadChanged();
        }
        ImageMetadata active;
        try {
            active = activate(owner, image, verified);
        } catch (ImageException.NotFound deletedMeanwhile) {
            // A delete ran between the copy and the activation and removed what it knew of: take back the copy.
            blobs.delete(image.objectKey());
            throw deletedMeanwhile;
        }
        // After the activation, so a failure before it leaves the staged object for a retried completion.
        blobs.delete(staged);
        return active;
    }

    private static ImageException.UploadRejected uploadChanged() {
        return new ImageException.UploadRejected(RejectionReason.UPLOAD_CHANGED, "The upload was replaced while it"
                + " was being verified; complete the image again to verify the bytes now uploaded.");
    }

    /** The caller's image, pending or active. */
    public ImageMetadata get(String owner, String imageId) {
        return owned(owner, imageId);
    }

    /** One page of the caller's images, or of the caller's images in an album, newest first. */
    public Page<ImageMetadata> list(String owner, Optional<String> albumId, PageRequest request) {
        return albumId.isPresent()
                ? repository.listByAlbum(owner, albumId.get(), request)
                : repository.listByOwner(owner, request);
    }

    /**
     * Applies a merge patch when the caller's version is current. A patch that changes nothing writes nothing.
     *
     * @param expectedVersion the version the client read (If-Match), or null when any version will do
     * @throws ImageException.StaleVersion when another change landed first
     */
    public ImageMetadata update(String owner, String imageId, Long expectedVersion, ImagePatch patch) {
        ImageMetadata image = owned(owner, imageId);
        requireVersion(image, expectedVersion);
        ImageMetadata patched = patch.applyTo(image);
        if (patched.equals(image)) {
            return image;
        }
        try {
            return repository.save(patched.toBuilder().updatedAt(now()).build());
        } catch (VersionConflictException lost) {
            throw new ImageException.StaleVersion(null);
        }
    }

    /**
     * Deletes the image's objects (served and staged), then its metadata. Deleting an image that is already gone succeeds. The bytes
     * go first: if removing the metadata then fails, a retry still finds the image and finishes the job, whereas
     * the other order could strand an object nobody can reach.
     *
     * @param expectedVersion the version the client read (If-Match), or null to delete whatever is stored
     */
    public void delete(String owner, String imageId, Long expectedVersion) {
        if (!IdGenerator.isId(ID_PREFIX, imageId)) {
            throw new ImageException.NotFound(imageId);
        }
        Optional<ImageMetadata> found = repository.find(imageId);
        if (found.isEmpty()) {
            return;
        }
        ImageMetadata image = found.get();
        if (!image.owner().equals(owner)) {
            throw new ImageException.NotFound(imageId);
        }
        requireVersion(image, expectedVersion);
        blobs.delete(image.objectKey());
        blobs.delete(ImageKeys.stagingKey(image.owner(), image.imageId()));
        // Unconditional on purpose: the precondition held when checked, and once the bytes are gone a row left
        // behind by a lost race would point at nothing.
        repository.delete(imageId, null);
    }

    private ImageMetadata activate(String owner, ImageMetadata image, VerifiedImage verified) {
        ImageMetadata current = image;
        for (int attempt = 1; ; attempt++) {
            ImageMetadata active = current.toBuilder()
                    .status(ImageStatus.ACTIVE)
                    .width(verified.width())
                    .height(verified.height())
                    .sha256(verified.sha256())
                    .ttl(null)
                    .updatedAt(now())
                    .build();
            try {
                return repository.save(active);
            } catch (VersionConflictException lost) {
                // A concurrent completion or an edit of the pending image; a delete shows up as not found.
                current = owned(owner, image.imageId());
                if (current.status() == ImageStatus.ACTIVE) {
                    return current;
                }
                if (attempt == ACTIVATION_ATTEMPTS) {
                    throw new ImageException.StaleVersion(current.version());
                }
            }
        }
    }

    /** Millisecond precision keeps timestamps (and the index sort keys built from them) in one shape. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private ImageMetadata owned(String owner, String imageId) {
        if (!IdGenerator.isId(ID_PREFIX, imageId)) {
            throw new ImageException.NotFound(imageId);
        }
        return repository.find(imageId).filter(image -> image.owner().equals(owner))
                .orElseThrow(() -> new ImageException.NotFound(imageId));
    }

    private static void requireVersion(ImageMetadata image, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(image.version())) {
            throw new ImageException.StaleVersion(image.version());
        }
    }
}
