package io.unveil.research.bench;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.detector.faceapi.TinyFaceDetector;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.occlusion.OcclusionEstimator;
import io.unveil.research.data.SharedData;
import io.unveil.research.eval.inpaint.OpenCvInpaint;
import io.unveil.research.occluders.Occluded;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code unveil bench stages}: per-stage speed on real faces (celeba-subset) with the reference implementations in the
 * same run: face-api on tfjs-wasm (Node, tools/parity) for detector, landmarks and recognizer, OpenCV Telea for
 * inpainting, a brute-force loop for gallery matching.
 */
public final class StageBench {
    public enum Stage { DECODE, DETECT, ALIGN, OCCLUSION, INPAINT, EMBED, GALLERY }

    public record Options(Set<Stage> stages, int iterations, boolean withNode, Path repoRoot, int[] inpaintBatches,
                          int[] gallerySizes, int threads, Path generator, Path occlusionWeights) {
        public static Options defaults() {
            return new Options(EnumSet.allOf(Stage.class), 20, true, Path.of(System.getProperty("unveil.repo.root", ".")),
                    new int[]{1, 8, 32}, new int[]{1_000, 100_000, 1_000_000}, 1, null, null);
        }
    }

    private StageBench() {
    }

    public static BenchTable run(Options o, PrintStream log) throws Exception {
        if (o.threads() > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(o.threads()));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        io.unveil.core.model.Djl.init();
        BenchTable t = new BenchTable("Stages (unveil bench stages)");
        t.note("PyTorch intra-op threads: " + (o.threads() > 0 ? o.threads() : "default") + "; value = median wall per unit, CPU = process CPU"
                + " time per unit (mean); ratio = how many times faster Unveil is than the reference");
        Path tmp = Files.createTempDirectory("unveil-bench-");
        try {
            Path celeba = RealFaces.celeba().orElse(null);
            List<RealFaces.Sample> faces = List.of();
            FaceApiAnalyzer analyzer = null;
            boolean needFaces = o.stages().stream().anyMatch(s -> s != Stage.GALLERY && s != Stage.EMBED);
            if (needFaces && celeba == null) {
                log.println("bench: celeba-subset not found under ../shared/data: real-face stages skipped");
                t.note("real-face stages skipped: ../shared/data/celeba-subset absent");
            } else if (needFaces) {
                analyzer = FaceApiAnalyzer.load();
                log.println("bench: detecting 32 real faces in celeba-subset ...");
                faces = RealFaces.load(celeba, 32, analyzer);
                log.println("bench: " + faces.size() + " faces");
            }
            List<RgbImage> photos = faces.stream().map(RealFaces.Sample::photo).toList();
            RgbImage f640 = photos.isEmpty() ? null : RealFaces.mosaic(photos, 640, 480, 2, 1);
            RgbImage f720 = photos.isEmpty() ? null : RealFaces.mosaic(photos.subList(0, Math.min(4, photos.size())), 1280, 720, 4, 1);
            try {
                if (f640 != null && o.stages().contains(Stage.DECODE)) decode(t, f640, f720, tmp, log);
                if (f640 != null && o.stages().contains(Stage.DETECT)) detect(t, o, f640, f720, tmp, log);
                if (f640 != null && o.stages().contains(Stage.ALIGN)) align(t, o, analyzer, f640, log);
                if (!faces.isEmpty() && (o.stages().contains(Stage.OCCLUSION) || o.stages().contains(Stage.INPAINT)))
                    occlusionAndInpaint(t, o, faces, tmp, log);
            } finally {
                if (analyzer != null) analyzer.close();
            }
            if (o.stages().contains(Stage.EMBED)) embed(t, o, log);
            if (o.stages().contains(Stage.GALLERY)) GalleryBench.run(o.gallerySizes(), t);
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temporary files
            }
        }
        t.note(String.format("load average %.1f at the end of the run", BenchTable.loadAverage()));
        return t;
    }

    static void decode(BenchTable t, RgbImage f640, RgbImage f720, Path tmp, PrintStream log) throws Exception {
        log.println("bench: decode ...");
        for (RgbImage f : List.of(f640, f720)) {
            Path v = DecodeBench.write(f, tmp.resolve("decode-" + f.width() + ".mp4"), 100, 10);
            Timer.Timing[] r = DecodeBench.measure(v);
            t.add("FFmpeg decode MPEG-4 " + f.width() + "x" + f.height(), r[0].wallMs(), r[0].cpuMs(), "ms/frame");
            t.add("FFmpeg decode + JPEG encode (ingest path) " + f.width() + "x" + f.height(), r[1].wallMs(), r[1].cpuMs(), "ms/frame");
        }
    }

    static void detect(BenchTable t, Options o, RgbImage f640, RgbImage f720, Path tmp, PrintStream log) throws IOException {
        log.println("bench: detector (and face-api on tfjs-wasm) ...");
        Path frame = tmp.resolve("frame640.png");
        Files.write(frame, Images.encodePng(f640));
        boolean node = o.withNode() && Files.isDirectory(o.repoRoot().resolve("tools/parity/node_modules"));
        if (o.withNode() && !node) t.note("face-api reference skipped: run `npm ci --ignore-scripts` in tools/parity");
        DetectorBenchmark.Result r = DetectorBenchmark.run(new DetectorBenchmark.Options(frame, o.iterations(), node, o.repoRoot()),
                new PrintStream(java.io.OutputStream.nullOutputStream()));
        t.add(row("TinyFaceDetector 416, 640x480 frame", r.detector(), "ms/frame", r.node(), "detector"));
        t.add(row("FaceLandmark68Net batch 1", r.landmarksBatch1(), "ms/face", r.node(), "landmarksBatch1"));
        t.add(row("FaceLandmark68Net batch 16", r.landmarksBatch16(), "ms/face", r.node(), "landmarksBatch16"));
        try (TinyFaceDetector det = TinyFaceDetector.load()) {
            Timer.Timing d720 = Timer.time(() -> det.detect(f720), 2, o.iterations());
            t.add("TinyFaceDetector 416, 1280x720 frame", d720.wallMs(), d720.cpuMs(), "ms/frame");
        }
        for (int size : new int[]{320, 224}) {
            try (TinyFaceDetector det = TinyFaceDetector.load(size, TinyFaceDetector.DEFAULT_SCORE_THRESHOLD)) {
                int found = det.detect(f640).size();
                Timer.Timing d = Timer.time(() -> det.detect(f640), 2, o.iterations());
                t.add("TinyFaceDetector " + size + ", 640x480 frame (" + found + " faces found)", d.wallMs(), d.cpuMs(), "ms/frame");
            }
        }
    }

    static BenchTable.Row row(String name, DetectorBenchmark.Timing j, String unit, com.fasterxml.jackson.databind.JsonNode node, String key) {
        double nw = node == null ? Double.NaN : node.path(key).path("wallMs").asDouble(Double.NaN);
        double nc = node == null ? Double.NaN : node.path(key).path("cpuMs").asDouble(Double.NaN);
        return new BenchTable.Row(name, j.wallMs(), j.cpuMs(), unit, node == null ? null : "face-api tfjs-wasm", nw, nc, false);
    }

    static void align(BenchTable t, Options o, FaceApiAnalyzer analyzer, RgbImage f640, PrintStream log) {
        log.println("bench: landmarks + alignment ...");
        List<DetectedFace> found = analyzer.detect(f640);
        if (found.isEmpty()) {
            t.note("landmarks+align skipped: no face found in the 640x480 mosaic");
            return;
        }
        List<Box> boxes = found.stream().map(DetectedFace::box).toList();
        int n = boxes.size();
        Timer.Timing lm = Timer.time(() -> analyzer.landmarksFor(f640, boxes), 2, o.iterations()).per(n);
        List<float[]> landmarks = analyzer.landmarksFor(f640, boxes);
        Timer.Timing al = Timer.time(() -> {
            for (float[] l : landmarks) {
                FaceAligner.align(f640, l, AlignTarget.FACE_128);
                FaceAligner.align(f640, l, AlignTarget.CHIP_150);
            }
        }, 2, o.iterations()).per(n);
        t.add("landmarks (detector crops, " + n + " faces/frame)", lm.wallMs(), lm.cpuMs(), "ms/face");
        t.add("alignment FACE_128 + CHIP_150", al.wallMs(), al.cpuMs(), "ms/face");
    }

    static void occlusionAndInpaint(BenchTable t, Options o, List<RealFaces.Sample> faces, Path tmp, PrintStream log) {
        List<String> notes = new ArrayList<>();
        List<RgbImage> occludedFaces = new ArrayList<>();
        List<float[]> masks = new ArrayList<>();
        List<float[]> lms = new ArrayList<>();
        OccluderType[] types = {OccluderType.MEDICAL_MASK, OccluderType.SUNGLASSES, OccluderType.HAND, OccluderType.SCARF};
        for (int i = 0; i < faces.size(); i++) {
            RealFaces.Sample s = faces.get(i);
            Occluded occ = Occluders.apply(s.face128().image(), s.face128().alignedLandmarks(), types[i % types.length], i);
            occludedFaces.add(occ.image());
            float[] m = new float[occ.mask().length];
            for (int k = 0; k < m.length; k++) m[k] = occ.mask()[k] != 0 ? 1f : 0f;
            masks.add(m);
            lms.add(s.face128().alignedLandmarks());
        }
        if (o.stages().contains(Stage.OCCLUSION)) {
            log.println("bench: occlusion estimator ...");
            try (OcclusionEstimator est = StageModels.occlusion(o.occlusionWeights(), tmp, notes)) {
                for (int b : new int[]{1, 8}) {
                    List<RgbImage> fb = occludedFaces.subList(0, Math.min(b, occludedFaces.size()));
                    List<float[]> lb = lms.subList(0, fb.size());
                    Timer.Timing r = Timer.time(() -> est.estimate(fb, lb), 2, Math.max(3, o.iterations() / 2)).per(fb.size());
                    t.add("occlusion estimator (" + est.model() + ") batch " + fb.size(), r.wallMs(), r.cpuMs(), "ms/face");
                }
            }
        }
        if (o.stages().contains(Stage.INPAINT)) {
            log.println("bench: inpainting (ID-GAN generator vs OpenCV Telea) ...");
            OpenCvInpaint telea = new OpenCvInpaint(OpenCvInpaint.Algorithm.TELEA, 3);
            List<io.unveil.research.eval.inpaint.Occluded> evalOcc = new ArrayList<>();
            for (int i = 0; i < occludedFaces.size(); i++) {
                boolean[] bm = new boolean[masks.get(i).length];
                for (int k = 0; k < bm.length; k++) bm[k] = masks.get(i)[k] > 0.5f;
                evalOcc.add(new io.unveil.research.eval.inpaint.Occluded(occludedFaces.get(i), bm));
            }
            int[] k = {0};
            Timer.Timing te = Timer.time(() -> {
                int i = k[0]++ % evalOcc.size();
                telea.repair(faces.get(i).face128().image(), evalOcc.get(i));
            }, 3, Math.max(32, o.iterations()));
            try (Inpainter in = StageModels.inpainter(o.generator(), tmp, notes)) {
                for (int b : o.inpaintBatches()) {
                    List<RgbImage> fb = new ArrayList<>();
                    List<float[]> mb = new ArrayList<>();
                    for (int i = 0; i < b; i++) {
                        fb.add(occludedFaces.get(i % occludedFaces.size()));
                        mb.add(masks.get(i % masks.size()));
                    }
                    Timer.Timing r = Timer.time(() -> in.repair(fb, mb), 1, Math.max(3, o.iterations() / (b >= 32 ? 8 : b >= 8 ? 4 : 1)))
                            .per(b);
                    t.add(new BenchTable.Row("inpainting " + in.model() + " batch " + b + " (faces/s)", 1000 / r.wallMs(),
                            1000 / r.cpuMs(), "faces/s", "OpenCV Telea r=3 (per face)", 1000 / te.wallMs(), 1000 / te.cpuMs(), true));
                }
            }
            double meanMask = masks.stream().mapToDouble(m -> {
                double s = 0;
                for (float v : m) s += v;
                return s / m.length;
            }).average().orElse(0);
            t.note(String.format("inpainting input: %d real celeba-subset faces (FACE_128) with synthetic occluders, mean hole %.0f%% of the face;"
                    + " CPU column of faces/s rows = 1000 / CPU ms per face", occludedFaces.size(), meanMask * 100));
        }
        notes.forEach(t::note);
    }

    static void embed(BenchTable t, Options o, PrintStream log) {
        var set = SharedData.set("dlib-johns");
        if (set.isEmpty()) {
            t.note("recognizer skipped: ../shared/data/dlib-johns absent");
            return;
        }
        log.println("bench: recognizer (and face-api on tfjs-wasm) ...");
        boolean node = o.withNode() && Files.isDirectory(o.repoRoot().resolve("tools/parity/node_modules"));
        RecognizerBenchmark.Result r = RecognizerBenchmark.run(new RecognizerBenchmark.Options(set.get(), 5, node, o.repoRoot(),
                Math.max(1, o.threads())));
        var j = r.java();
        var n = r.node();
        t.add(new BenchTable.Row("FaceRecognitionNet batch 1", j.batch1MsPerFace(), j.batch1CpuMsPerFace(), "ms/face",
                n == null ? null : "face-api tfjs-wasm", n == null ? Double.NaN : n.batch1MsPerFace(),
                n == null ? Double.NaN : n.batch1CpuMsPerFace(), false));
        t.add(new BenchTable.Row("FaceRecognitionNet batch 16", j.batch16MsPerFace(), j.batch16CpuMsPerFace(), "ms/face",
                n == null ? null : "face-api tfjs-wasm", n == null ? Double.NaN : n.batch16MsPerFace(),
                n == null ? Double.NaN : n.batch16CpuMsPerFace(), false));
        if (n == null) t.note("recognizer reference: " + r.nodeError());
        for (var m : r.others()) {
            t.add(new BenchTable.Row(m.engine() + " batch 1", m.batch1MsPerFace(), m.batch1CpuMsPerFace(), "ms/face", null,
                    Double.NaN, Double.NaN, false));
            t.add(new BenchTable.Row(m.engine() + " batch 16", m.batch16MsPerFace(), m.batch16CpuMsPerFace(), "ms/face", null,
                    Double.NaN, Double.NaN, false));
        }
        if (r.othersError() != null) t.note("MobileFaceNet and fused skipped: " + r.othersError());
    }
}
