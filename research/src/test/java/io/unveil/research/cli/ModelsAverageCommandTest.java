package io.unveil.research.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.unveil.core.model.WeightFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsAverageCommandTest {
    @TempDir Path dir;

    private Path snapshot(String name, float... values) throws IOException {
        Path f = dir.resolve("snapshots").resolve(name);
        Files.createDirectories(f.getParent());
        try (OutputStream o = Files.newOutputStream(f)) {
            WeightFile.write(o, List.of(new WeightFile.Tensor("w", new long[] {values.length}, values)));
        }
        return f;
    }

    private static float[] read(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return WeightFile.read(in).get(0).values();
        }
    }

    @Test
    void averagesTheLastSnapshotsOfAFolderInNameOrder() throws IOException {
        snapshot("generator-000250.bin", 100, 100);
        snapshot("generator-000500.bin", 1, 2);
        snapshot("generator-000750.bin", 3, 4);
        Path out = dir.resolve("avg/generator.bin");
        int rc = new CommandLine(new ModelsAverageCommand()).execute("--last", "2", "--out", out.toString(),
                dir.resolve("snapshots").toString());
        assertEquals(0, rc);
        assertArrayEquals(new float[] {2, 3}, read(out));
    }

    @Test
    void aMissingInputOrAMismatchedSnapshotFailsWithoutWriting() throws IOException {
        Path a = snapshot("a.bin", 1, 2);
        Path b = snapshot("b.bin", 1, 2, 3);
        Path out = dir.resolve("out.bin");
        CommandLine cl = new CommandLine(new ModelsAverageCommand());
        assertEquals(1, cl.execute("--out", out.toString(), a.toString(), dir.resolve("nope.bin").toString()));
        assertEquals(1, cl.execute("--out", out.toString(), a.toString(), b.toString()));
        assertEquals(2, cl.execute("--last", "-1", "--out", out.toString(), a.toString()));
        assertFalse(Files.exists(out));
    }

    @Test
    void halfWritesFloat16ValuesOfHalfTheSize() throws IOException {
        Path a = snapshot("a.bin", 0.1f, 3f, -1f / 3);
        Path out = dir.resolve("half.bin");
        assertEquals(0, new CommandLine(new ModelsAverageCommand()).execute("--half", "--out", out.toString(), a.toString()));
        assertArrayEquals(new float[] {0.0999755859375f, 3f, -0.333251953125f}, read(out));
        assertEquals(Files.size(a) - 3 * 2, Files.size(out));
    }
}
