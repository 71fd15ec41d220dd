package io.mocplatform.devstack.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds each function's deployable artifact ({@code <module>-lambda.zip}, the file Terraform uploads) and unpacks
 * its {@code lib/*.jar} once into a cache directory keyed by the zip's size and time, as the Lambda runtime
 * unpacks the zip into {@code /var/task}.
 */
public final class FunctionArtifacts {

    private final Path preferred;
    private final List<Path> searchDirectories;
    private final Path cache;

    /**
     * @param searchDirectories directories holding {@code <module>-lambda.zip} files, or a module's
     *                          {@code target/} directory layout beneath them ({@code <dir>/<module>/target/})
     * @param cache             where unpacked artifacts are kept between runs
     */
    public FunctionArtifacts(List<Path> searchDirectories, Path cache) {
        this(null, searchDirectories, cache);
    }

    private FunctionArtifacts(Path preferred, List<Path> searchDirectories, Path cache) {
        this.preferred = preferred;
        this.searchDirectories = List.copyOf(searchDirectories);
        this.cache = cache;
    }

    /**
     * The usual places: {@code -Ddevstack.functions.dir} when it holds the zip, else the newest of the
     * {@code functions/} directory next to devstack.jar and the modules' own {@code target/} directories when the
     * jar runs from the source tree (so a function rebuilt on its own is picked up).
     */
    public static FunctionArtifacts standard(Path cache) {
        List<Path> directories = new ArrayList<>();
        String configured = System.getProperty("devstack.functions.dir");
        Path preferred = configured == null || configured.isBlank() ? null : Path.of(configured);
        jarDirectory().ifPresent(dir -> {
            directories.add(dir.resolve("functions"));
            // devstack/target/devstack.jar -> the repository root holds <module>/target/<module>-lambda.zip
            Optional.ofNullable(dir.getParent()).map(Path::getParent).ifPresent(directories::add);
        });
        directories.add(Path.of("").toAbsolutePath());
        return new FunctionArtifacts(preferred, directories, cache);
    }

    /** The newest zip of the function among the search directories. */
    public Optional<Path> zipOf(String module) {
        String file = module + "-lambda.zip";
        if (preferred != null && Files.isRegularFile(preferred.resolve(file))) {
            return Optional.of(preferred.resolve(file));
        }
        return searchDirectories.stream()
                .flatMap(dir -> Stream.of(dir.resolve(file), dir.resolve(module).resolve("target").resolve(file)))
                .filter(Files::isRegularFile)
                .max(Comparator.comparing(FunctionArtifacts::lastModified));
    }

    /** The jar URLs of the function's unpacked zip; throws when the module has not been built. */
    public URL[] classPathOf(String module) {
        Path zip = zipOf(module).orElseThrow(() -> new IllegalStateException(
                module + "-lambda.zip not found in " + (preferred == null ? "" : preferred + ", ") + searchDirectories
                        + "; build it with ./mvnw -B -q -DskipTests install"));
        Path unpacked = unpack(module, zip);
        try (Stream<Path> jars = Files.list(unpacked.resolve("lib"))) {
            return jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().map(FunctionArtifacts::url)
                    .toArray(URL[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path unpack(String module, Path zip) {
        long size;
        try {
            size = Files.size(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path target = cache.resolve(module + "-" + size + "-" + lastModified(zip));
        if (Files.isDirectory(target.resolve("lib"))) {
            return target;
        }
        try {
            Files.createDirectories(cache);
            Path staging = Files.createTempDirectory(cache, module + "-unpacking-");
            extract(zip, staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // Another devstack unpacked the same zip meanwhile; theirs is as good as ours.
                deleteTree(staging);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    private static void extract(Path zip, Path into) throws IOException {
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> jarDirectory() {
        try {
            var location = FunctionArtifacts.class.getProtectionDomain().getCodeSource().getLocation();
            Path path = Path.of(location.toURI());
            return Files.isRegularFile(path) ? Optional.ofNullable(path.getParent()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
