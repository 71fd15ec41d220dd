package io.mocplatform.imageapi.domain;

import io.mocplatform.imageapi.domain.port.BlobStore;
import io.mocplatform.imageapi.domain.port.ImageHeaderReader;
import io.mocplatform.imageapi.domain.port.ImageRepository;
import io.mocplatform.imageapi.domain.port.Page;
import io.mocplatform.imageapi.domain.port.PageRequest;
import io.mocplatform.imageapi.domain.port.UploadTicket;
import io.mocplatform.imageapi.support.TestImages;
import io.mocplatform.model.IdGenerator;
import io.mocplatform.model.image.ImageKeys;
import io.mocplatform.model.image.ImageMetadata;
import io.mocplatform.model.image.ImageStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases over small in-memory fakes of the ports; the real adapters are covered by the *IT tests. */
class ImageServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456Z");

    private final FakeRepository repository = new FakeRepository();
    private final FakeBlobs blobs = new FakeBlobs();
    /** Reads PNG's IHDR, which sits at a fixed offset: enough to exercise the service's decisions. */
    private final ImageHeaderReader pngHeader = (bytes, format) -> bytes.length < 24 ? Optional.empty()
            : Optional.of(new ImageHeaderReader.Dimensions(int32(bytes, 16), int32(bytes, 20)));
    private final ImagePolicy policy = new ImagePolicy(List.of("image/png", "image/jpeg"), 10_000, 100, 100, 5_000,
            Duration.ofMinutes(15), "https://cdn.example/");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ImageService service = new ImageService(repository, blobs, pngHeader, policy, clock,
            new IdGenerator(clock));

    @Test
    void shouldStoreAPendingImageThatExpires_andSignAnUploadBoundToTypeAndSize() {
        PendingUpload pending = service.requestUpload(upload("image/png", 500));

        ImageMetadata image = repository.find(pending.image().imageId()).orElseThrow();
        assertThat(image.status()).isEqualTo(ImageStatus.PENDING_UPLOAD);
        assertThat(image.ttl()).isEqualTo(NOW.plus(ImageMetadata.PENDING_RETENTION).getEpochSecond());
        assertThat(image.uploadedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
        assertThat(image.objectKey()).isEqualTo("images/alice/" + image.imageId());
        assertThat(pending.upload().url()).isEqualTo("https://store.example/uploads/alice/" + image.imageId());
        assertThat(pending.upload().headers()).containsEntry("Content-Type", "image/png")
                .containsEntry("Content-Length", "500");
    }

    @Test
    void shouldRefuseTypesAndSizesOutsideThePolicy_withoutStoringAnything() {
        assertThatThrownBy(() -> service.requestUpload(upload("image/gif", 500)))
                .isInstanceOf(ImageException.UnsupportedType.class);
        assertThatThrownBy(() -> service.requestUpload(upload("image/png", 10_001)))
                .isInstanceOf(ImageException.TooLarge.class);
        assertThat(repository.rows).isEmpty();
    }

    @Test
    void shouldCollectEveryViolation_whenTheUploadRequestIsMalformed() {
        assertThatThrownBy(() -> new NewUpload("alice", "a/b", "image/png", -1, "bad album", " ", null,
                List.of("x", "x")))
                .isInstanceOfSatisfying(ImageException.InvalidRequest.class,
                        e -> assertThat(e.violations()).hasSize(5));
    }

    @Test
    void shouldActivateWithDigestAndDimensions_andDropTheExpiry() throws Exception {
        byte[] png = TestImages.png(40, 30);
        String id = uploaded("image/png", png);

        ImageMetadata active = service.complete("alice", id);

        assertThat(active.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(active.width()).isEqualTo(40);
        assertThat(active.height()).isEqualTo(30);
        assertThat(active.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
        assertThat(active.ttl()).isNull();
        assertThat(active.version()).isEqualTo(2L);
        assertThat(service.complete("alice", id)).isEqualTo(active);
        assertThat(blobs.objects).containsOnlyKeys(active.objectKey());
        assertThat(blobs.objects.get(active.objectKey())).isEqualTo(png);
    }

    @Test
    void shouldServeOnlyTheVerifiedBytes_whenTheUploadIsWrittenAgainAfterCompletion() {
        byte[] png = TestImages.png(4, 4);
        String id = uploaded("image/png", png);
        ImageMetadata active = service.complete("alice", id);

        blobs.put(ImageKeys.stagingKey("alice", id), new byte[]{'M', 'Z'});

        assertThat(service.complete("alice", id)).isEqualTo(active);
        assertThat(blobs.objects.get(active.objectKey())).isEqualTo(png);
    }

    @Test
    void shouldCopyNothingAndStayPending_whenTheUploadIsReplacedDuringVerification() {
        byte[] png = TestImages.png(4, 4);
        String id = uploaded("image/png", png);
        blobs.beforeCopy = () -> blobs.put(ImageKeys.stagingKey("alice", id), new byte[png.length]);

        assertThatThrownBy(() -> service.complete("alice", id)).isInstanceOfSatisfying(
                ImageException.UploadRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UPLOAD_CHANGED));
        assertThat(blobs.objects).containsOnlyKeys(ImageKeys.stagingKey("alice", id));
        assertThat(repository.find(id).orElseThrow().status()).isEqualTo(ImageStatus.PENDING_UPLOAD);
    }

    @Test
    void shouldRejectAndDeleteTheObject_andKeepTheImagePending_whenThePngIsText() {
        String id = uploaded("image/png", TestImages.text());

        assertThatThrownBy(() -> service.complete("alice", id)).isInstanceOfSatisfying(
                ImageException.UploadRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.CONTENT_MISMATCH));
        assertThat(blobs.objects).isEmpty();
        assertThat(repository.find(id).orElseThrow().status()).isEqualTo(ImageStatus.PENDING_UPLOAD);
    }

    @Test
    void shouldRejectATruncatedJpeg_evenWhenItsExifThumbnailIsComplete() {
        byte[] jpeg = TestImages.jpeg(60, 40);
        // An APP1 segment holding a complete JPEG, as cameras store thumbnails, placed after SOI.
        byte[] thumbnail = TestImages.jpeg(8, 8);
        byte[] withThumbnail = new byte[jpeg.length + thumbnail.length + 4];
        withThumbnail[0] = (byte) 0xFF;
        withThumbnail[1] = (byte) 0xD8;
        withThumbnail[2] = (byte) 0xFF;
        withThumbnail[3] = (byte) 0xE1;
        withThumbnail[4] = (byte) ((thumbnail.length + 2) >> 8);
        withThumbnail[5] = (byte) (thumbnail.length + 2);
        System.arraycopy(thumbnail, 0, withThumbnail, 6, thumbnail.length);
        System.arraycopy(jpeg, 2, withThumbnail, 6 + thumbnail.length, jpeg.length - 2);

        String whole = uploaded("image/jpeg", withThumbnail);
        String cut = uploaded("image/jpeg", TestImages.truncated(withThumbnail, 0.9));

        ImageService jpegAware = new ImageService(repository, blobs,
                (bytes, format) -> Optional.of(new ImageHeaderReader.Dimensions(60, 40)), policy, clock,
                new IdGenerator(clock));
        assertThat(jpegAware.complete("alice", whole).status()).isEqualTo(ImageStatus.ACTIVE);
        assertThatThrownBy(() -> jpegAware.complete("alice", cut)).isInstanceOfSatisfying(
                ImageException.UploadRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.TRUNCATED));
    }

    @Test
    void shouldRejectDimensionsBeyondTheLimits() {
        String wide = uploaded("image/png", TestImages.png(101, 10));
        String manyPixels = uploaded("image/png", TestImages.png(90, 90));

        assertThatThrownBy(() -> service.complete("alice", wide)).isInstanceOfSatisfying(
                ImageException.UploadRejected.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.DIMENSIONS_TOO_LARGE));
        assertThatThrownBy(() -> service.complete("alice", manyPixels)).isInstanceOfSatisfying(
                ImageException.UploadRejected.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.DIMENSIONS_TOO_LARGE));
    }

    @Test
    void shouldReportAMissingUpload_withoutTouchingTheImage() {
        String id = service.requestUpload(upload("image/png", 100)).image().imageId();
        assertThatThrownBy(() -> service.complete("alice", id)).isInstanceOfSatisfying(
                ImageException.UploadRejected.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UPLOAD_MISSING));
        assertThat(repository.find(id).orElseThrow().version()).isEqualTo(1L);
    }

    @Test
    void shouldHideOtherUsersImages() {
        String id = uploaded("image/png", TestImages.png(5, 5));
        assertThatThrownBy(() -> service.get("bob", id)).isInstanceOf(ImageException.NotFound.class);
        assertThatThrownBy(() -> service.complete("bob", id)).isInstanceOf(ImageException.NotFound.class);
        assertThatThrownBy(() -> service.delete("bob", id, null)).isInstanceOf(ImageException.NotFound.class);
        assertThat(blobs.objects).hasSize(1);
    }

    @Test
    void shouldRefuseAStaleVersion_andWriteNothingForAnEmptyPatch() {
        String id = uploaded("image/png", TestImages.png(5, 5));
        ImagePatch retitle = new ImagePatch(Change.set("New"), null, null, null);

        assertThatThrownBy(() -> service.update("alice", id, 7L, retitle)).isInstanceOf(ImageException.StaleVersion.class);
        ImageMetadata unchanged = service.update("alice", id, 1L, new ImagePatch(null, null, null, null));
        assertThat(unchanged.version()).isEqualTo(1L);
        assertThat(service.update("alice", id, 1L, retitle).title()).isEqualTo("New");
    }

    @Test
    void shouldDeleteObjectAndRow_andSucceedAgainWhenAlreadyGone() {
        String id = uploaded("image/png", TestImages.png(5, 5));
        service.delete("alice", id, 1L);
        service.delete("alice", id, 1L);
        assertThat(blobs.objects).isEmpty();
        assertThat(repository.rows).isEmpty();
    }

    private NewUpload upload(String type, long size) {
        return new NewUpload("alice", "moc.png", type, size, null, null, null, null);
    }

    private String uploaded(String type, byte[] bytes) {
        PendingUpload pending = service.requestUpload(upload(type, bytes.length));
        blobs.put(ImageKeys.stagingKey("alice", pending.image().imageId()), bytes);
        return pending.image().imageId();
    }

    private static int int32(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 24 | (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8 | (b[offset + 3] & 0xFF);
    }

    /** Versioned writes like the table's: a save must carry the stored version. */
    private static final class FakeRepository implements ImageRepository {
        final Map<String, ImageMetadata> rows = new HashMap<>();

        @Override
        public Optional<ImageMetadata> find(String imageId) {
            return Optional.ofNullable(rows.get(imageId));
        }

        @Override
        public ImageMetadata save(ImageMetadata image) {
            ImageMetadata stored = rows.get(image.imageId());
            Long storedVersion = stored == null ? null : stored.version();
            if (!java.util.Objects.equals(storedVersion, image.version())) {
                throw new VersionConflictException("conflict", null);
            }
            ImageMetadata saved = image.toBuilder().version(storedVersion == null ? 1L : storedVersion + 1).build();
            rows.put(image.imageId(), saved);
            return saved;
        }

        @Override
        public void delete(String imageId, Long expectedVersion) {
            rows.remove(imageId);
        }

        @Override
        public Page<ImageMetadata> listByOwner(String owner, PageRequest request) {
            throw new UnsupportedOperationException("listing is covered against DynamoDB Local");
        }

        @Override
        public Page<ImageMetadata> listByAlbum(String owner, String albumId, PageRequest request) {
            throw new UnsupportedOperationException("listing is covered against DynamoDB Local");
        }
    }

    /** Objects with S3's semantics that matter here: every write gets a new tag, and tagged reads check it. */
    private static final class FakeBlobs implements BlobStore {
        final Map<String, byte[]> objects = new HashMap<>();
        final Map<String, String> tags = new HashMap<>();
        private int writes;
        Runnable beforeCopy = () -> { };

        void put(String key, byte[] bytes) {
            objects.put(key, bytes);
            tags.put(key, "\"" + (++writes) + "\"");
        }

        @Override
        public UploadTicket signUpload(String key, String contentType, long bytes, Duration validity) {
            return new UploadTicket("PUT", "https://store.example/" + key,
                    Map.of("Content-Type", contentType, "Content-Length", Long.toString(bytes)), NOW.plus(validity));
        }

        @Override
        public Optional<StoredObject> find(String key) {
            byte[] bytes = objects.get(key);
            return bytes == null ? Optional.empty() : Optional.of(new StoredObject(bytes.length, tags.get(key)));
        }

        @Override
        public InputStream open(String key, String tag) {
            requireTag(key, tag);
            return new ByteArrayInputStream(objects.get(key));
        }

        @Override
        public void copy(String sourceKey, String tag, String targetKey) {
            beforeCopy.run();
            requireTag(sourceKey, tag);
            put(targetKey, objects.get(sourceKey));
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
            tags.remove(key);
        }

        private void requireTag(String key, String tag) {
            if (!tag.equals(tags.get(key))) {
                throw new ObjectChangedException(key);
            }
        }
    }
}
