package io.unveil.research.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the read-only face data sets ({@code ../shared/data} beside the checkout, or {@code -Dunveil.shared.data},
 * or {@code $UNVEIL_SHARED_DATA}). Nothing from there is ever copied into the repository.
 */
public final class SharedData {
    /** Not a setting (declared in {@link ResearchVariables}): where the shared data sets are. */
    public static final String ENV = "UNVEIL_SHARED_DATA";

    private SharedData() {
    }

    public static Optional<Path> root() {
        String p = System.getProperty("unveil.shared.data");
        if (p == null || p.isBlank()) p = System.getenv(ENV);
        Path candidate = p != null && !p.isBlank() ? Path.of(p) : Path.of("..", "shared", "data");
        candidate = candidate.toAbsolutePath().normalize();
        return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    /** A set such as {@code celeba-subset}, if present. */
    public static Optional<Path> set(String name) {
        return root().map(r -> r.resolve(name)).filter(Files::isDirectory);
    }
}
