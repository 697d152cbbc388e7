package io.unveil.research.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.serde.Json;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.fused.FusedRecognizer;
import io.unveil.recognize.fused.MobileFaceNetEmbedder;
import io.unveil.research.data.LabeledImages;
import io.unveil.research.data.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Recognizer speed, Java (DJL/PyTorch CPU) against the reference (face-api on tfjs-wasm in Node, run in the same
 * invocation on the same 16 real chips): median ms/face at batch 1 and at batch 16, preprocessing included on both
 * sides. The Node side is {@code tools/parity/bench-recognizer.mjs} (oracle installed by
 * {@code cd tools/parity && npm ci --ignore-scripts}); without node it reports Java alone. Besides wall time it reports process
 * CPU time per face (load-independent on a busy machine). PyTorch's intra-op threads are set to
 * {@link Options#threads()} (default 1: with 2 OpenMP threads on a contended 2-core host, batch-1 inference was ~10x
 * slower than with 1, the threads spinning on barriers while descheduled).
 */
public final class RecognizerBenchmark {
    public static final int FACES = 16;

    public record Options(Path chipSet, int rounds, boolean withNode, Path repoRoot, int threads) {
        public static Options defaults() {
            Path set = SharedData.set("dlib-johns").orElseThrow(() -> new IllegalStateException(
                    "dlib-johns not found (../shared/data beside the checkout, -Dunveil.shared.data or UNVEIL_SHARED_DATA)"));
            return new Options(set, 5, true, Path.of(System.getProperty("unveil.repo.root", ".")), 1);
        }
    }

    /** Median wall ms/face and mean process-CPU ms/face at batch 1 and 16. */
    public record Numbers(String engine, double batch1MsPerFace, double batch16MsPerFace, double batch1CpuMsPerFace,
                          double batch16CpuMsPerFace) {
    }

    /** {@code others}: the optional recognizers (MobileFaceNet, fused), empty with {@code othersError} when they could not load. */
    public record Result(Numbers java, Numbers node, String nodeError, List<Numbers> others, String othersError) {
        public String markdown() {
            StringBuilder b = new StringBuilder();
            b.append("| engine | ms/face batch 1 | ms/face batch 16 | CPU ms/face batch 1 | CPU ms/face batch 16 |\n"
                    + "|---|---:|---:|---:|---:|\n");
            row(b, java);
            if (node != null) {
                row(b, node);
                b.append(String.format("| ratio (Node / Java) | %.1fx | %.1fx | %.1fx | %.1fx |%n",
                        node.batch1MsPerFace / java.batch1MsPerFace, node.batch16MsPerFace / java.batch16MsPerFace,
                        node.batch1CpuMsPerFace / java.batch1CpuMsPerFace, node.batch16CpuMsPerFace / java.batch16CpuMsPerFace));
            }
            for (Numbers n : others) row(b, n);
            if (node == null) b.append("\n(no Node reference: ").append(nodeError).append(")\n");
            if (othersError != null) b.append("\n(no MobileFaceNet: ").append(othersError).append(")\n");
            return b.toString();
        }

        private static void row(StringBuilder b, Numbers n) {
            b.append(String.format("| %s | %.2f | %.2f | %.2f | %.2f |%n", n.engine, n.batch1MsPerFace, n.batch16MsPerFace,
                    n.batch1CpuMsPerFace, n.batch16CpuMsPerFace));
        }
    }

    public static Result run(Options o) {
        List<RgbImage> chips = new ArrayList<>();
        for (LabeledImages.Item it : LabeledImages.load(o.chipSet()).items()) {
            if (chips.size() == FACES) break;
            chips.add(Images.read(it.file()));
        }
        Numbers java;
        try (FaceApiEmbedder e = FaceApiEmbedder.load()) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(o.threads());
            java = measure(e, "Java DJL PyTorch " + ai.djl.engine.Engine.getEngine("PyTorch").getVersion() + " CPU, "
                    + o.threads() + " intra-op thread(s)", chips, o.rounds());
        }
        // the optional recognizers of recognize.model: the MobileFaceNet alone (OpenCV DNN) and fused with robust-v3
        List<Numbers> others = new ArrayList<>();
        String othersError = null;
        try (Embedder m = MobileFaceNetEmbedder.load()) {
            others.add(measure(m, "MobileFaceNet (recognize.model=mobilefacenet), OpenCV DNN", chips, o.rounds()));
        } catch (RuntimeException ex) {
            othersError = ex.getMessage();
        }
        if (othersError == null) {
            try (Embedder f = FusedRecognizer.load()) {
                others.add(measure(f, "fused (recognize.model=fused): robust-v3 + MobileFaceNet", chips, o.rounds()));
            }
        }
        if (!o.withNode()) return new Result(java, null, "disabled", others, othersError);
        try {
            return new Result(java, node(o), null, others, othersError);
        } catch (IOException | RuntimeException e) {
            return new Result(java, null, e.getMessage(), others, othersError);
        }
    }

    /** Warm-up, then median wall ms/face and mean process-CPU ms/face, one face a call and 16 a call. */
    static Numbers measure(Embedder e, String engine, List<RgbImage> chips, int rounds) {
        for (int i = 0; i < 3; i++) e.embed(List.of(chips.get(i)));
        e.embed(chips);
        double[] single = new double[rounds * chips.size()];
        int k = 0;
        long cpu0 = cpuNanos();
        for (int r = 0; r < rounds; r++)
            for (RgbImage c : chips) {
                long t = System.nanoTime();
                e.embed(List.of(c));
                single[k++] = (System.nanoTime() - t) / 1e6;
            }
        double cpuSingle = (cpuNanos() - cpu0) / 1e6 / single.length;
        double[] batch = new double[rounds];
        long cpu1 = cpuNanos();
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            e.embed(chips);
            batch[r] = (System.nanoTime() - t) / 1e6 / chips.size();
        }
        double cpuBatch = (cpuNanos() - cpu1) / 1e6 / (rounds * chips.size());
        return new Numbers(engine, median(single), median(batch), cpuSingle, cpuBatch);
    }

    static Numbers node(Options o) throws IOException {
        Path script = o.repoRoot().resolve("tools/parity/bench-recognizer.mjs");
        if (!Files.isRegularFile(script)) throw new IOException("missing " + script);
        Process p = new ProcessBuilder("node", script.toString(), o.chipSet().toString(), String.valueOf(FACES),
                String.valueOf(o.rounds())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("node benchmark timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (p.exitValue() != 0 || out.isEmpty())
            throw new IOException("node benchmark failed (exit " + p.exitValue() + "; cd tools/parity && npm ci --ignore-scripts)");
        JsonNode j = Json.MAPPER.readTree(out.substring(out.lastIndexOf('\n') + 1));
        return new Numbers("Node face-api 1.7.15, tfjs " + j.get("tfjs").asText() + " " + j.get("backend").asText(),
                j.get("batch1MsPerFace").asDouble(), j.get("batch16MsPerFace").asDouble(),
                j.get("batch1CpuMsPerFace").asDouble(), j.get("batch16CpuMsPerFace").asDouble());
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

}
