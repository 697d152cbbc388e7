package io.unveil.deploy.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owner-only permissions for the embedded broker's data: folders 0700, files 0600. The data holds names and
 * centroids of enrolled people (unveil.gallery) and camera frames; Kafka created it 0644 in 0755 folders, readable by
 * every local user. Kafka keeps creating segment files with the process umask (Java cannot change it), so the 0700
 * folders are what keeps later files private; files are re-tightened at each start.
 */
final class PrivateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    private PrivateFiles() {
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} (and parents) and makes it and everything under it owner-only. */
    static void tighten(Path dir) throws IOException {
        tighten(dir, 5);
    }

    private static void tighten(Path dir, int walksLeft) throws IOException {
        Files.createDirectories(dir);
        if (!posix()) {
            LOG.warn("{}: file system without POSIX permissions; the broker data is not restricted to this user", dir);
            return;
        }
        // A running broker renames and deletes files (checkpoint .tmp files, rolled segments) while this walks: a path
        // that is gone by the time it is reached is skipped, not an error. (Failing here after the broker had started
        // left it running orphaned; the test's temp folder was then deleted under it and Kafka halted the JVM.)
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(p)) continue;
                try {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
                } catch (NoSuchFileException gone) {
                    // renamed or deleted by the broker meanwhile
                }
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException) || walksLeft <= 1) throw e.getCause();
            tighten(dir, walksLeft - 1); // a folder vanished under the walk: walk again (the broker's churn is brief)
        }
    }
}
