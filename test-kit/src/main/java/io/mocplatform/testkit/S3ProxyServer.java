package io.mocplatform.testkit;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * s3proxy in this JVM: the {@code transient-nio2} store in memory, or {@code filesystem-nio2} under a directory.
 * It checks no signatures: s3proxy knows one identity only, so the AWS edge in front of it verifies every
 * signature (presigned URLs included) and judges the function roles. Nothing but the edge and the CloudFront
 * stand-in (which reads as its own service principal in AWS) reaches it.
 */
final class S3ProxyServer implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3ProxyServer(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    static S3ProxyServer start(int port, Path dataDir) throws Exception {
        Properties properties = new Properties();
        String provider = "transient-nio2";
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            provider = "filesystem-nio2";
            properties.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
        }
        BlobStore store = BlobStores.create(provider, properties);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                // SDK v2 sends headers (checksums, user agent details) that s3proxy does not know; S3 ignores them.
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                proxy.stop();
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(5);
        }
        return new S3ProxyServer(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
