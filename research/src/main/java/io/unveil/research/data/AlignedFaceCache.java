package io.unveil.research.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unveil.core.config.UnveilHome;
import io.unveil.core.image.ImageDecodeException;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.serde.Json;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.Alignment;
import io.unveil.detector.align.FaceAligner;
import io.unveil.detector.align.FaceChips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A labelled face set detected and aligned once: for every photo the largest face is found ({@link FaceAnalyzer}),
 * aligned to {@link AlignTarget#FACE_128} and stored as PNG under {@code <unveil.home>/aligned/<set>/} with an
 * {@code index.json} (source file, identity, aligned landmarks, detector score; photos without a face are listed as
 * failures). Later calls reuse it; it is rebuilt when {@link #PIPELINE_VERSION} or the set's file list changes.
 *
 * <pre>{@code
 * AlignedFaceCache cache = AlignedFaceCache.build(setDir);           // loads the analyzer only if needed
 * for (AlignedSample s : cache.samples()) { ... Images.read(s.png()) ... }
 * cache.failures();                                                  // photos with no face
 * }</pre>
 */
public final class AlignedFaceCache {
    /** Detector + landmark weights, alignment geometry and output format; bump to invalidate every cache. */
    public static final String PIPELINE_VERSION = FaceApiAnalyzer.VERSION + "|dlib-chip-150-pad0.25|face128|largest-face|pad-retry|v2";
    public static final String INDEX = "index.json";

    private final Path dir;
    private final List<AlignedSample> samples;
    private final List<AlignFailure> failures;

    private AlignedFaceCache(Path dir, List<AlignedSample> samples, List<AlignFailure> failures) {
        this.dir = dir;
        this.samples = List.copyOf(samples);
        this.failures = List.copyOf(failures);
    }

    public Path dir() {
        return dir;
    }

    public List<AlignedSample> samples() {
        return samples;
    }

    public List<AlignFailure> failures() {
        return failures;
    }

    /** Where the cache of a set lives: {@code <unveil.home>/aligned/<set folder name>}. */
    public static Path cacheDir(Path setDir) {
        return UnveilHome.dir().resolve("aligned").resolve(setDir.toAbsolutePath().normalize().getFileName().toString());
    }

    /** The cache of this set, built with a default {@link FaceApiAnalyzer} (loaded only when a build is needed). */
    public static AlignedFaceCache build(Path setDir) {
        Optional<AlignedFaceCache> ready = open(setDir);
        if (ready.isPresent()) return ready.get();
        try (FaceAnalyzer analyzer = FaceApiAnalyzer.load()) {
            return build(setDir, analyzer, ProgressListener.stderr(setDir.getFileName().toString()));
        }
    }

    /**
     * The cache of this set: reused when present and current, else built with {@code analyzer}.
     *
     * @param listener progress (null: a progress line on stderr)
     */
    public static AlignedFaceCache build(Path setDir, FaceAnalyzer analyzer, ProgressListener listener) {
        return build(setDir, cacheDir(setDir), analyzer, listener);
    }

    /** As {@link #build(Path, FaceAnalyzer, ProgressListener)} with an explicit cache folder. */
    public static AlignedFaceCache build(Path setDir, Path cacheDir, FaceAnalyzer analyzer, ProgressListener listener) {
        Optional<AlignedFaceCache> ready = open(setDir, cacheDir);
        if (ready.isPresent()) return ready.get();
        if (analyzer == null) throw new IllegalStateException("no current aligned cache for " + setDir + " and no analyzer to build it");
        // one builder at a time per cache folder, across threads and processes; a waiter reuses what the other built
        synchronized (AlignedFaceCache.class) {
            try {
                Files.createDirectories(cacheDir);
                try (FileChannel ch = FileChannel.open(cacheDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = ch.tryLock();
                    if (lock == null) {
                        System.err.println("waiting for another process that is building " + cacheDir);
                        lock = ch.lock();
                    }
                    try {
                        ready = open(setDir, cacheDir);
                        if (ready.isPresent()) return ready.get();
                        return rebuild(setDir, cacheDir, analyzer,
                                listener == null ? ProgressListener.stderr(setDir.getFileName().toString()) : listener);
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock aligned cache " + cacheDir, e);
            }
        }
    }

    /** The existing cache when it is current (same pipeline version and same labelled files), else empty. */
    public static Optional<AlignedFaceCache> open(Path setDir) {
        return open(setDir, cacheDir(setDir));
    }

    /** As {@link #open(Path)} with an explicit cache folder. */
    public static Optional<AlignedFaceCache> open(Path setDir, Path dir) {
        Path root = setDir.toAbsolutePath().normalize();
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) return Optional.empty();
        LabeledImages set = LabeledImages.load(setDir);
        try {
            JsonNode json = Json.MAPPER.readTree(index.toFile());
            if (!PIPELINE_VERSION.equals(json.path("version").asText())) return Optional.empty();
            if (!fingerprint(set).equals(json.path("fingerprint").asText())) return Optional.empty();
            List<AlignedSample> samples = new ArrayList<>();
            for (JsonNode s : json.get("samples")) {
                Path png = dir.resolve(s.get("png").asText());
                if (!Files.isRegularFile(png)) return Optional.empty();
                float[] lm = new float[136];
                for (int i = 0; i < 136; i++) lm[i] = (float) s.get("landmarks").get(i).asDouble();
                samples.add(new AlignedSample(s.get("identity").asText(), root.resolve(s.get("file").asText()), png, lm,
                        (float) s.get("score").asDouble()));
            }
            List<AlignFailure> failures = new ArrayList<>();
            for (JsonNode f : json.get("failures"))
                failures.add(new AlignFailure(f.get("identity").asText(), root.resolve(f.get("file").asText()), f.get("reason").asText()));
            return Optional.of(new AlignedFaceCache(dir, samples, failures));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable index: rebuild
        }
    }

    private static AlignedFaceCache rebuild(Path setDir, Path dir, FaceAnalyzer analyzer, ProgressListener listener) {
        LabeledImages set = LabeledImages.load(setDir);
        Path root = setDir.toAbsolutePath().normalize();
        List<AlignedSample> samples = new ArrayList<>();
        List<AlignFailure> failures = new ArrayList<>();
        ObjectNode index = Json.MAPPER.createObjectNode();
        index.put("version", PIPELINE_VERSION);
        index.put("fingerprint", fingerprint(set));
        index.put("set", root.toString());
        ArrayNode jsSamples = index.putArray("samples");
        ArrayNode jsFailures = index.putArray("failures");
        try {
            Files.createDirectories(dir.resolve("images"));
            Files.deleteIfExists(dir.resolve(INDEX));
            int done = 0, total = set.items().size();
            for (LabeledImages.Item it : set.items()) {
                Path file = it.file().toAbsolutePath().normalize();
                String rel = root.relativize(file).toString();
                String reason = null;
                try {
                    RgbImage img = Images.read(file);
                    DetectedFace face = FaceChips.largestFace(analyzer.detect(img));
                    if (face == null) {
                        // tight crops (the face fills the photo, e.g. ORL) leave the detector no margin: retry with one
                        img = Images.padReplicate(img, Math.max(img.width(), img.height()) / 4);
                        face = FaceChips.largestFace(analyzer.detect(img));
                    }
                    if (face == null) {
                        reason = "no face found";
                    } else {
                        Alignment al = FaceAligner.align(img, face.landmarks(), AlignTarget.FACE_128);
                        String pngRel = "images/" + String.format("%05d", done) + ".png";
                        Path png = dir.resolve(pngRel);
                        Files.write(png, Images.encodePng(al.image()));
                        samples.add(new AlignedSample(it.identity(), file, png, al.alignedLandmarks(), face.score()));
                        ObjectNode s = jsSamples.addObject();
                        s.put("file", rel);
                        s.put("identity", it.identity());
                        s.put("png", pngRel);
                        s.put("score", face.score());
                        ArrayNode box = s.putArray("box");
                        box.add(face.box().x()).add(face.box().y()).add(face.box().width()).add(face.box().height());
                        ArrayNode lm = s.putArray("landmarks");
                        for (float v : al.alignedLandmarks()) lm.add(Math.round(v * 1000f) / 1000f);
                    }
                } catch (ImageDecodeException e) {
                    reason = "not decodable: " + e.getMessage();
                }
                if (reason != null) {
                    failures.add(new AlignFailure(it.identity(), file, reason));
                    ObjectNode f = jsFailures.addObject();
                    f.put("file", rel);
                    f.put("identity", it.identity());
                    f.put("reason", reason);
                }
                done++;
                listener.progress(done, total, failures.size());
            }
            Path tmp = dir.resolve(INDEX + ".part");
            Json.MAPPER.writeValue(tmp.toFile(), index);
            Files.move(tmp, dir.resolve(INDEX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write aligned cache " + dir, e);
        }
        return new AlignedFaceCache(dir, samples, failures);
    }

    /** Changes when the labelled file list or identities change. */
    static String fingerprint(LabeledImages set) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            Path root = set.root().toAbsolutePath().normalize();
            for (LabeledImages.Item it : set.items()) {
                md.update(root.relativize(it.file().toAbsolutePath().normalize()).toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) ',');
                md.update(it.identity().getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
