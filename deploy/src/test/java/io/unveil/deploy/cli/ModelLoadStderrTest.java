package io.unveil.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.unveil.core.config.UnveilHome;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.deploy.cluster.JavaClasspath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libtorch writes its C++ warnings to the process's stderr, past any Java logger: only a child JVM shows them. Loading
 * every face-api network (analyze) must not print "AutoNonVariableTypeMode is deprecated" (it did on every run until the
 * weights stopped going through NDArray.set(Buffer), see {@link io.unveil.core.model.ArrayCopy}).
 */
class ModelLoadStderrTest {
    @Test
    void analyzeLoadsTheModelsWithoutLibtorchDeprecationWarnings(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("grey.png");
        RgbImage grey = new RgbImage(64, 64, new byte[64 * 64 * 3]);
        java.util.Arrays.fill(grey.data(), (byte) 128);
        Files.write(image, Images.encodePng(grey));
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dunveil.home=" + UnveilHome.dir(), "-cp", JavaClasspath.current(), "io.unveil.deploy.Unveil", "analyze", image.toString()))
                .redirectError(err.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) p.destroyForcibly();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        assertFalse(stderr.contains("AutoNonVariableTypeMode"), stderr);
        assertEquals("", stderr.strip(), "a clean run prints nothing on stderr");
    }
}
