package io.unveil.research.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.record.Box;
import io.unveil.core.serde.Json;
import io.unveil.detector.faceapi.FaceDetection;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import io.unveil.detector.faceapi.TinyFaceDetector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speed of the detector stage: TinyFaceDetector (416) ms per 640x480 frame, FaceLandmark68Net ms per face at batch 1
 * and 16, each also measured in the same run with face-api on tfjs-wasm in Node ({@code tools/parity/bench.mjs}) on
 * the same pixels, printed with the ratio. Entry point for {@code unveil bench detector}; prints a markdown table.
 */
public final class DetectorBenchmark {
    public record Options(Path frame, int iterations, boolean withNode, Path repoRoot) {
        public static Options defaults() {
            return new Options(null, 30, true, Path.of(System.getProperty("unveil.repo.root", ".")));
        }
    }

    public record Result(Timing detector, Timing landmarksBatch1, Timing landmarksBatch16, JsonNode node, String markdown) {
    }

    private DetectorBenchmark() {
    }


    public static Result run(Options o, PrintStream out) {
        RgbImage frame = frame640x480(o.frame());
        Path tmp;
        try {
            tmp = Files.createTempDirectory("unveil-bench-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (TinyFaceDetector det = TinyFaceDetector.load(); FaceLandmark68Net lm = FaceLandmark68Net.load()) {
            List<FaceDetection> faces = det.detect(frame);
            RgbImage crop = faces.isEmpty()
                    ? Images.crop(frame, 220, 120, 200, 240)
                    : cropOf(frame, faces.get(0).box());
            Timing detMs = time(() -> det.detect(frame), o.iterations());
            Timing lm1 = time(() -> lm.landmarks(List.of(crop)), o.iterations());
            List<RgbImage> batch = Collections.nCopies(16, crop);
            Timing lm16 = time(() -> lm.landmarks(batch), Math.max(2, o.iterations() / 4)).div(16);

            JsonNode node = null;
            String nodeNote = "";
            if (o.withNode()) {
                Path script = o.repoRoot().resolve("tools/parity/bench.mjs");
                if (!Files.isDirectory(o.repoRoot().resolve("tools/parity/node_modules"))) {
                    nodeNote = "node reference skipped: run `npm ci --ignore-scripts` in tools/parity";
                } else {
                    Path fp = tmp.resolve("frame.png"), cp = tmp.resolve("crop.png");
                    Files.write(fp, Images.encodePng(frame));
                    Files.write(cp, Images.encodePng(crop));
                    node = runNode(script, fp, cp, o.iterations());
                }
            }
            String md = markdown(frame, faces.size(), crop, detMs, lm1, lm16, node, nodeNote);
            out.println(md);
            return new Result(detMs, lm1, lm16, node, md);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp leftovers are harmless
            }
        }
    }

    /** The given image, or face-api's demo photo, centre-cropped to 4:3 and resized to 640x480. */
    static RgbImage frame640x480(Path file) {
        RgbImage img = Images.read(file != null ? file : FaceApiModels.ensureDefault().file("demo/sample1.jpg"));
        int w = img.width(), h = img.height();
        int cw = Math.min(w, h * 4 / 3), ch = Math.min(h, w * 3 / 4);
        RgbImage c = Images.crop(img, (w - cw) / 2, (h - ch) / 2, cw, ch);
        return Images.resize(c, 640, 480);
    }

    static RgbImage cropOf(RgbImage frame, Box b) {
        int x = (int) Math.max(0, Math.floor(b.x())), y = (int) Math.max(0, Math.floor(b.y()));
        int w = (int) Math.floor(Math.min(b.x() + b.width(), frame.width()) - x);
        int h = (int) Math.floor(Math.min(b.y() + b.height(), frame.height()) - y);
        return Images.crop(frame, x, y, Math.max(1, w), Math.max(1, h));
    }

    /** Median wall ms and mean process-CPU ms per call (CPU time stays meaningful on a shared, loaded machine). */
    public record Timing(double wallMs, double cpuMs) {
        Timing div(double k) {
            return new Timing(wallMs / k, cpuMs / k);
        }
    }

    static Timing time(Runnable r, int iterations) {
        for (int i = 0; i < 3; i++) r.run();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        List<Long> ns = new ArrayList<>();
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            r.run();
            ns.add(System.nanoTime() - t0);
        }
        long cpu = os.getProcessCpuTime() - cpu0;
        Collections.sort(ns);
        return new Timing(ns.get(ns.size() / 2) / 1e6, cpu / 1e6 / iterations);
    }

    static JsonNode runNode(Path script, Path frame, Path crop, int iterations) throws IOException {
        Process p = new ProcessBuilder("node", script.getFileName().toString(), "--frame", frame.toString(), "--crop", crop.toString(),
                "--iterations", Integer.toString(iterations)).directory(script.getParent().toFile()).redirectErrorStream(false).start();
        String stdout;
        String stderr;
        try {
            stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("node bench timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (p.exitValue() != 0) throw new IllegalStateException("node bench failed: " + stderr.strip());
        String last = stdout.strip().lines().reduce((a, b) -> b).orElse("{}");
        return Json.MAPPER.readTree(last);
    }

    static String markdown(RgbImage frame, int faces, RgbImage crop, Timing det, Timing lm1, Timing lm16, JsonNode node, String note) {
        StringBuilder sb = new StringBuilder();
        sb.append("| measure | Java wall ms | Java CPU ms | face-api wall ms | face-api CPU ms | speed-up wall | speed-up CPU |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        row(sb, "TinyFaceDetector 416, per 640x480 frame", det, node, "detector");
        row(sb, "FaceLandmark68Net per face, batch 1", lm1, node, "landmarksBatch1");
        row(sb, "FaceLandmark68Net per face, batch 16", lm16, node, "landmarksBatch16");
        String threads = System.getProperty("ai.djl.pytorch.num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "default"));
        sb.append(String.format("%nframe %dx%d with %d face(s); landmark crop %dx%d; wall = median, CPU = process CPU time per call;"
                        + " PyTorch intra-op threads: %s of %d cores%s%n",
                frame.width(), frame.height(), faces, crop.width(), crop.height(), threads, Runtime.getRuntime().availableProcessors(),
                node == null ? (note.isEmpty() ? "" : "; " + note) : "; face-api " + node.path("tfjs").asText() + " backend " + node.path("backend").asText()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Timing java, JsonNode node, String key) {
        double nw = node == null ? Double.NaN : node.path(key).path("wallMs").asDouble(Double.NaN);
        double nc = node == null ? Double.NaN : node.path(key).path("cpuMs").asDouble(Double.NaN);
        sb.append(String.format("| %s | %.2f | %.2f | %s | %s | %s | %s |%n", name, java.wallMs(), java.cpuMs(),
                fmt(nw, "%.2f"), fmt(nc, "%.2f"), fmt(nw / java.wallMs(), "%.1fx"), fmt(nc / java.cpuMs(), "%.1fx")));
    }

    private static String fmt(double v, String f) {
        return Double.isNaN(v) ? "-" : String.format(f, v);
    }
}
