package io.unveil.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unveil.core.data.SharedData;
import java.nio.file.Path;

/** Test access to ../shared/data: tests that need it skip with a clear message when it is absent. */
public final class TestData {
    private TestData() {
    }

    public static Path set(String name) {
        var p = SharedData.set(name);
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
