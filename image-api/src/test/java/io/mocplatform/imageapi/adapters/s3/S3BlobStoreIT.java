package io.mocplatform.imageapi.adapters.s3;

import io.mocplatform.imageapi.domain.port.BlobStore;
import io.mocplatform.imageapi.domain.port.BlobStore.ObjectChangedException;
import io.mocplatform.imageapi.domain.port.BlobStore.StoredObject;
import io.mocplatform.imageapi.support.ImageApiHarness;
import io.mocplatform.testkit.LocalAwsEnvironment;
import io.mocplatform.testkit.WithLocalAws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store pins reads and copies to the bytes the caller saw, against the S3 emulator: an upload replaced
 * between verification and copy is refused by the store itself, never copied.
 */
@WithLocalAws
class S3BlobStoreIT {

    private static ImageApiHarness api;
    private static LocalAwsEnvironment env;
    private static S3Client s3;
    private static BlobStore blobs;

    @BeforeAll
    static void start(LocalAwsEnvironment environment, S3Client s3Client) {
        env = environment;
        s3 = s3Client;
        api = new ImageApiHarness(environment);
        blobs = api.context().getBean(BlobStore.class);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void shouldRefuseToReadOrCopyAVersionThatWasReplaced() throws Exception {
        String staged = "uploads/alice/" + UUID.randomUUID();
        String served = "images/alice/" + UUID.randomUUID();
        put(staged, new byte[]{1, 2, 3});
        StoredObject verified = blobs.find(staged).orElseThrow();
        put(staged, new byte[]{'M', 'Z', 0});

        assertThatThrownBy(() -> blobs.open(staged, verified.tag())).isInstanceOf(ObjectChangedException.class);
        assertThatThrownBy(() -> blobs.copy(staged, verified.tag(), served)).isInstanceOf(ObjectChangedException.class);
        assertThat(io.mocplatform.function.aws.S3Objects.head(s3, env.resources().imagesBucket(), served)).isEmpty();

        StoredObject current = blobs.find(staged).orElseThrow();
        blobs.copy(staged, current.tag(), served);
        // Read with the test's own client: the function may write the served prefix but never reads it.
        assertThat(s3.getObjectAsBytes(b -> b.bucket(env.resources().imagesBucket()).key(served)).asByteArray())
                .containsExactly('M', 'Z', 0);
        assertThat(current.size()).isEqualTo(3);
    }

    @Test
    void shouldReportAMissingObjectAsChanged_whenItIsRemovedAfterItWasSeen() {
        String staged = "uploads/alice/" + UUID.randomUUID();
        put(staged, new byte[]{1});
        StoredObject seen = blobs.find(staged).orElseThrow();
        blobs.delete(staged);

        assertThat(blobs.find(staged)).isEmpty();
        assertThatThrownBy(() -> blobs.copy(staged, seen.tag(), "images/alice/" + UUID.randomUUID()))
                .isInstanceOf(ObjectChangedException.class);
    }

    private static void put(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(env.resources().imagesBucket()).key(key).contentType("image/png"),
                RequestBody.fromBytes(bytes));
    }
}
