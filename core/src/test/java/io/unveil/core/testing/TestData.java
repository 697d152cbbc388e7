package io.unveil.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;

/**
 * Test access to ../shared/data: tests that need it skip with a message that says which set is missing, where it was
 * looked for, where it comes from and how to point the tests at it (README.md, "Data sets").
 */
public final class TestData {
    /** Where each set comes from (as ../shared/data/README.md lists them); every set has labels.csv {@code file,identity}. */
    static final Map<String, String> ORIGINS = Map.of(
            "celeba-subset", "CelebA in-the-wild photos with the official identity file, 239 identities, non-commercial research only",
            "orl", "AT&T / ORL faces (Olivetti Research Laboratory), 40 identities x 10, PGM converted to PNG",
            "yale", "Yale faces, 15 identities, 164 images, academic use, GIF converted to PNG",
            "dlib-johns", "the 150x150 aligned chips of dlib's examples (5 identities x 11)",
            "bbt", "the bbt face crops of face-api.js's examples (MIT, 8 identities x 5)",
            "masked-faces", "Real-World Masked Face Dataset (RMFD) part 1, 995 photos under images/, research use",
            "occluders", "the mask textures (PNG with alpha) of the RMFD repository");

    private TestData() {
    }

    public static Path set(String name) {
        // the same places research's SharedData looks (tests of runtime modules cannot depend on research)
        String configured = System.getProperty("unveil.shared.data", System.getenv("UNVEIL_SHARED_DATA"));
        Path root = configured == null || configured.isBlank() ? Path.of("..", "shared", "data") : Path.of(configured);
        Path dir = root.toAbsolutePath().normalize().resolve(name);
        assumeTrue(java.nio.file.Files.isDirectory(dir), () -> missing(name, dir));
        return dir;
    }

    static String missing(String name, Path lookedAt) {
        String origin = ORIGINS.get(name);
        return "skipped: data set '" + name + "' not found at " + lookedAt + (origin == null ? "" : " (" + origin + ")")
                + ": get it as README.md \"Data sets\" describes and lay it beside the checkout as ../shared/data/" + name
                + ", or point -Dunveil.shared.data / UNVEIL_SHARED_DATA at the folder that holds it";
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
