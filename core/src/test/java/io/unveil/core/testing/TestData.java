package io.unveil.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** Test access to ../shared/data: tests that need it skip with a clear message when it is absent. */
public final class TestData {
    private TestData() {
    }

    public static Path set(String name) {
        // the same places research's SharedData looks (tests of runtime modules cannot depend on research)
        String configured = System.getProperty("unveil.shared.data", System.getenv("UNVEIL_SHARED_DATA"));
        Path root = configured == null || configured.isBlank() ? Path.of("..", "shared", "data") : Path.of(configured);
        var p = java.util.Optional.of(root.toAbsolutePath().normalize().resolve(name)).filter(java.nio.file.Files::isDirectory);
        assumeTrue(p.isPresent(), "skipped: shared data set '" + name + "' not found (expected ../shared/data/" + name
                + " beside the checkout, or -Dunveil.shared.data)");
        return p.get();
    }

    /** True when npm is on the PATH (model fetch and the Node parity oracle need it). */
    public static boolean hasNpm() {
        try {
            Process p = new ProcessBuilder("npm", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    public static void assumeNpm() {
        assumeTrue(hasNpm(), "skipped: npm not found on PATH (needed to fetch the pinned face-api models)");
    }
}
