package io.unveil.research.train.recognizer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.util.Pair;
import io.unveil.core.model.Djl;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.model.NetworkWeights;
import io.unveil.core.model.WeightFile;
import io.unveil.core.model.WeightManifest;
import io.unveil.core.serde.Json;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.faceapi.FaceRecognitionNet;
import io.unveil.recognize.faceapi.RobustRecognizer;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.detector.yunet.YuNetDetector;
import io.unveil.research.train.landmarks.LandmarkFace;
import io.unveil.research.train.landmarks.LandmarkFaces;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.SharedData;
import io.unveil.research.occluders.FacePatchSource;
import io.unveil.research.occluders.MaskTextures;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import io.unveil.research.train.occlusion.Progress;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Self-distillation of an occlusion-robust recognizer from face-api's FaceRecognitionNet. The student (same network,
 * initialised from face-api's weights; the stem and the conv32 stage stay frozen, see {@link Options#trainFrom}) sees
 * a TRAIN face with a synthetic occluder drawn on it, the frozen teacher the same face clean; the loss is the squared
 * distance between the student's descriptor of the occluded face and the teacher's of the clean one, plus
 * {@code cleanWeight} times the same distance on clean faces (a {@code cleanShare} of each batch), so the student's
 * clean descriptors stay where the teacher's are and the gallery, the calibration and ID-GAN keep working. The
 * teacher's descriptors of the clean faces (and their mirror images) are computed once: the teacher never changes.
 *
 * <p>Batches are generated on a background thread, reproducibly from (seed, step), so a resumed run sees the same
 * data. Writes into the output folder: {@code checkpoint.bin} + {@code checkpoint.json} (resume), {@code loss.csv}
 * (every step), {@code validation.csv} and {@code log.jsonl} (every {@code evalEvery} steps), {@code delta-<step>.bin}
 * (the student minus face-api, uint8-quantized: the format {@code recognize.model=robust} bundles) at every
 * validation, and {@code teacher.bin} (the cached teacher descriptors).
 */
public final class RecognizerTrainer {
    /** The occluders the student learns to look past, weighted towards the lower-face covers the product meets most. */
    static final Map<OccluderType, Double> MIX = mix();

    /**
     * @param init                null: start from face-api's weights; {@code robust} or a delta file: start from face-api
     *                            plus that delta (the delta files written stay deltas over face-api)
     * @param realignedPerIdentity photos per TRAIN identity occluded in the photo and re-aligned as the detect stage
     *                            does ({@link RealignedFaces}); 0: none
     * @param realignedShare      share of the occluded samples drawn from those re-aligned faces
     * @param realignLandmarks    landmark net that re-aligns them: {@code faceapi}, {@code masked} or a weight file
     * @param centroidPull        how far an occluded face's target moves from the teacher's descriptor of the same
     *                            photo clean towards the teacher's centroid of the person's clean photos (0: not at all,
     *                            the plain self-distillation; 1: the centroid). The gallery holds centroids of other
     *                            photos, so this asks the student to drop what is particular to one photo (pose, light)
     *                            along with the occluder, the identity centroid f_id of the paper's eq. 5. Clean faces
     *                            keep the teacher's own descriptor either way (the gallery and calibration stay valid).
     */
    public record Options(Path out, int steps, int batch, float learningRate, long seed, int evalEvery,
                          int checkpointEvery, int evalFaces, boolean resume, float cleanShare, float cleanWeight,
                          String trainFrom, List<String> datasets, String init, int realignedPerIdentity,
                          float realignedShare, String realignLandmarks, float centroidPull, float contrastWeight,
                          float contrastTemperature, java.util.Set<String> excludedIdentities) {
        public Options(Path out, int steps, int batch, float learningRate, long seed, int evalEvery, int checkpointEvery,
                       int evalFaces, boolean resume, float cleanShare, float cleanWeight, String trainFrom,
                       List<String> datasets, String init, int realignedPerIdentity, float realignedShare,
                       String realignLandmarks, float centroidPull, float contrastWeight, float contrastTemperature) {
            this(out, steps, batch, learningRate, seed, evalEvery, checkpointEvery, evalFaces, resume, cleanShare,
                    cleanWeight, trainFrom, datasets, init, realignedPerIdentity, realignedShare, realignLandmarks, centroidPull,
                    contrastWeight, contrastTemperature, java.util.Set.of());
        }

        public Options(Path out, int steps, int batch, float learningRate, long seed, int evalEvery, int checkpointEvery,
                       int evalFaces, boolean resume, float cleanShare, float cleanWeight, String trainFrom,
                       List<String> datasets, String init, int realignedPerIdentity, float realignedShare,
                       String realignLandmarks, float centroidPull) {
            this(out, steps, batch, learningRate, seed, evalEvery, checkpointEvery, evalFaces, resume, cleanShare,
                    cleanWeight, trainFrom, datasets, init, realignedPerIdentity, realignedShare, realignLandmarks, centroidPull,
                    0f, 0.1f);
        }

        public Options(Path out, int steps, int batch, float learningRate, long seed, int evalEvery, int checkpointEvery,
                       int evalFaces, boolean resume, float cleanShare, float cleanWeight, String trainFrom,
                       List<String> datasets, String init, int realignedPerIdentity, float realignedShare,
                       String realignLandmarks) {
            this(out, steps, batch, learningRate, seed, evalEvery, checkpointEvery, evalFaces, resume, cleanShare,
                    cleanWeight, trainFrom, datasets, init, realignedPerIdentity, realignedShare, realignLandmarks, 0f);
        }

        public Options(Path out, int steps, int batch, float learningRate, long seed, int evalEvery, int checkpointEvery,
                       int evalFaces, boolean resume, float cleanShare, float cleanWeight, String trainFrom,
                       List<String> datasets) {
            this(out, steps, batch, learningRate, seed, evalEvery, checkpointEvery, evalFaces, resume, cleanShare,
                    cleanWeight, trainFrom, datasets, null, 0, 0.5f, "faceapi");
        }

        public Options {
            if (realignedPerIdentity < 0)
                throw new IllegalArgumentException("--realigned-per-identity must be >= 0, got " + realignedPerIdentity);
            if (!(realignedShare >= 0 && realignedShare <= 1))
                throw new IllegalArgumentException("--realigned-share must be in [0, 1], got " + realignedShare);
            if (!(centroidPull >= 0 && centroidPull <= 1))
                throw new IllegalArgumentException("--centroid-pull must be in [0, 1], got " + centroidPull);
            if (!(contrastWeight >= 0))
                throw new IllegalArgumentException("--contrast-weight must be >= 0, got " + contrastWeight);
            if (!(contrastTemperature > 0))
                throw new IllegalArgumentException("--contrast-temperature must be > 0, got " + contrastTemperature);
            excludedIdentities = java.util.Set.copyOf(excludedIdentities);
        }

        public static Options defaults(Path out) {
            return new Options(out, 3000, 24, 5e-5f, 11, 250, 50, 360, true, 0.25f, 1f, "conv64_down",
                    List.of("celeba-subset"));
        }
    }

    /** The occluders of the re-aligned faces: the masks and hands that move the landmarks, and sunglasses (which do not). */
    static final OccluderType[] REALIGNED_TYPES = {OccluderType.MEDICAL_MASK, OccluderType.CLOTH_MASK, OccluderType.HAND,
            OccluderType.SUNGLASSES};

    private final Options o;
    private final PrintStream console;

    public RecognizerTrainer(Options options, PrintStream console) {
        this.o = options;
        this.console = console;
    }

    private static Map<OccluderType, Double> mix() {
        Map<OccluderType, Double> w = new LinkedHashMap<>();
        w.put(OccluderType.MEDICAL_MASK, 3.0);
        w.put(OccluderType.CLOTH_MASK, 3.0);
        w.put(OccluderType.SCARF, 1.0);
        w.put(OccluderType.SUNGLASSES, 1.5);
        w.put(OccluderType.HAND, 1.5);
        w.put(OccluderType.BLOCK_RANDOM_48, 1.0);
        w.put(OccluderType.HAT_HAIR, 0.5);
        w.put(OccluderType.PHONE_MIC, 0.5);
        w.put(OccluderType.GLASSES, 0.5);
        w.put(OccluderType.RANDOM_OBJECT, 0.5);
        return w;
    }

    /** Loads the data, then {@link #run}. */
    public void train() throws IOException {
        List<AlignedFace> train = new ArrayList<>();
        for (String d : o.datasets()) {
            List<AlignedFace> all = RecognizerData.train(d);
            List<AlignedFace> part = without(all, o.excludedIdentities());
            long left = all.stream().map(AlignedFace::identity).filter(o.excludedIdentities()::contains).distinct().count();
            console.printf("%s: %d aligned faces of TRAIN identities%s%n", d, part.size(), o.excludedIdentities().isEmpty() ? ""
                    : " (" + left + " TRAIN identities of --exclude-identities left out)");
            train.addAll(part);
        }
        List<AlignedFace> val = RecognizerData.validation("celeba-subset", IdentitySplit.Subset.VALIDATION_CHOOSE);
        console.printf("celeba-subset VALIDATION (choose half): %d faces of %d identities%n", val.size(),
                val.stream().map(AlignedFace::identity).distinct().count());
        Path textures = SharedData.root().map(r -> r.resolve("occluders")).filter(Files::isDirectory).orElse(null);
        FacePatchSource patches = new FacePatchSource(train.stream().map(AlignedFace::face).toList(),
                train.stream().map(AlignedFace::landmarks).toList());
        RealignedFaces.Pool trainPool = null, valPool = null;
        if (o.realignedPerIdentity() > 0) {
            // celeba-subset only: the re-aligned faces need each photo's ground-truth landmarks and its VALIDATION split
            String ds = "celeba-subset";
            Path data = SharedData.set(ds).orElseThrow(() -> new IllegalArgumentException(
                    "--realigned-per-identity needs data set '" + ds + "' under ../shared/data (or -Dunveil.shared.data)"));
            Path dir = o.out().resolve("realigned");
            try (YuNetAnalyzer yu = YuNetAnalyzer.load(YuNetDetector.DEFAULT_SCORE_THRESHOLD, FaceLandmark68Net.named(o.realignLandmarks()))) {
                List<LandmarkFace> tp = LandmarkFaces.load(data, id -> IdentitySplit.isTrain(ds, id) && !o.excludedIdentities().contains(id),
                        o.realignedPerIdentity(),
                        dir.resolve("truth-train.csv"), false, console);
                trainPool = RealignedFaces.build(tp, REALIGNED_TYPES, yu, o.seed(), dir.resolve("train-" + o.realignLandmarks()
                        .replaceAll("[^A-Za-z0-9]", "_")), console);
                List<LandmarkFace> vp = LandmarkFaces.load(data, id -> IdentitySplit.of(ds, id) == IdentitySplit.Part.VALIDATION
                                && IdentitySplit.Subset.VALIDATION_CHOOSE.contains(ds, id), 5,
                        dir.resolve("truth-validation-choose.csv"), false, console);
                valPool = RealignedFaces.build(vp, RecognizerValidation.TYPES, yu, 5, dir.resolve("validation-" + o.realignLandmarks()
                        .replaceAll("[^A-Za-z0-9]", "_")), console);
            }
        }
        run(train, val, new Occluders(MaskTextures.load(textures), patches), trainPool, valPool);
    }

    /** The faces whose identity is not in {@code excluded} (--exclude-identities: e.g. a calibration set's people). */
    static List<AlignedFace> without(List<AlignedFace> faces, java.util.Set<String> excluded) {
        return faces.stream().filter(f -> !excluded.contains(f.identity())).toList();
    }

    public void run(List<AlignedFace> train, List<AlignedFace> validation, Occluders occluders) throws IOException {
        run(train, validation, occluders, null, null);
    }

    /**
     * @param trainPool re-aligned occluded TRAIN faces (their clean faces are appended to {@code train}) or null
     * @param valPool   re-aligned occluded VALIDATION faces: when given, its clean faces are the validation faces and
     *                  its probes add the {@code _live} conditions
     */
    void run(List<AlignedFace> train, List<AlignedFace> validation, Occluders occluders, RealignedFaces.Pool trainPool,
             RealignedFaces.Pool valPool) throws IOException {
        if (train.isEmpty()) throw new IllegalArgumentException("no training faces");
        int realignedOffset = train.size();
        if (trainPool != null) {
            train = new ArrayList<>(train);
            train.addAll(trainPool.clean());
        }
        Djl.init();
        Files.createDirectories(o.out());
        Path manifest = FaceApiModels.ensureDefault().file(FaceApiEmbedder.MANIFEST);
        float[][][] teacher;
        try (FaceApiEmbedder t = FaceApiEmbedder.load(FaceApiModels.ensureDefault())) {
            teacher = TeacherTargets.load(o.out().resolve("teacher.bin"), train, t, console);
        }
        float[][][] occludedTargets = TeacherTargets.pulledToCentroids(teacher, train, o.centroidPull());
        ContrastBank contrast = o.contrastWeight() > 0 ? ContrastBank.of(teacher, train, o.contrastTemperature()) : null;
        List<AlignedFace> evalFaces = valPool != null ? valPool.clean() : RecognizerValidation.sample(validation, o.evalFaces(), 5);
        Path ckpt = o.out().resolve("checkpoint.bin"), meta = o.out().resolve("checkpoint.json");
        try (Model model = Model.newInstance("recognizer-student", Device.cpu(), "PyTorch")) {
            FaceRecognitionNet net = new FaceRecognitionNet();
            model.setBlock(net);
            CosineTracker lr = CosineTracker.builder().setBaseValue(o.learningRate()).optFinalValue(o.learningRate() * 0.1f)
                    .setMaxUpdates(o.steps()).build();
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).build());
            try (Trainer trainer = model.newTrainer(cfg)) {
                int size = FaceRecognitionNet.INPUT_SIZE;
                trainer.initialize(new Shape(o.batch(), 3, size, size));
                net.loadWeights(WeightManifest.load(manifest));
                Map<String, float[]> base = copy(NetworkWeights.arrays(net));
                if (o.init() != null) {
                    net.addDelta(initialDelta(o.init()));
                    console.println("student starts from face-api + " + o.init());
                }
                int trainable = unfreeze(net, o.trainFrom());
                int start = 0;
                if (o.resume() && Files.exists(ckpt) && Files.exists(meta)) {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(ckpt))) {
                        NetworkWeights.read(net, in);
                    }
                    start = ((Number) Json.MAPPER.readValue(meta.toFile(), Map.class).get("step")).intValue();
                    for (int i = 0; i < start; i++) lr.getNewValue(i);
                    console.printf("resumed from %s at step %d (Adam moments restart)%n", ckpt, start);
                }
                console.printf("student: %,d of %,d parameters train (from %s on); %d train faces; %d validation faces%n",
                        trainable, count(net, false), o.trainFrom(), train.size(), evalFaces.size());
                RecognizerValidation validator = new RecognizerValidation(evalFaces, occluders,
                        valPool != null ? valPool.probes() : List.of());
                if (start == 0 && !Files.exists(o.out().resolve("validation.csv"))) {
                    RecognizerValidation.Report r0 = validator.evaluate(net, trainer.getManager());
                    console.println("step 0 (" + (o.init() == null ? "face-api itself" : "face-api + " + o.init()) + "): " + r0.summary());
                    log(0, Double.NaN, r0);
                }
                StudentBatches batches = trainPool == null ? new StudentBatches(train, occluders, MIX, o.cleanShare())
                        : new StudentBatches(train, occluders, MIX, o.cleanShare(), trainPool.probes(), realignedOffset,
                        o.realignedShare());
                BlockingQueue<StudentBatches.Batch> queue = new ArrayBlockingQueue<>(2);
                final int from = start;
                Thread producer = new Thread(() -> {
                    try {
                        for (int s = from; s < o.steps(); s++) queue.put(batches.make(o.batch(), o.seed() * 7919L + s));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "recognizer-batches");
                producer.setDaemon(true);
                producer.start();
                Progress bar = new Progress(console, o.steps(), start);
                double ema = Double.NaN, emaOcc = Double.NaN, emaClean = Double.NaN, emaContrast = Double.NaN;
                NDManager root = trainer.getManager();
                try {
                    for (int step = start; step < o.steps(); step++) {
                        StudentBatches.Batch b = queue.take();
                        float loss, occLoss, cleanLoss, contrastLoss = Float.NaN;
                        try (NDManager sub = root.newSubManager()) {
                            NDArray x = sub.create(b.inputs(), new Shape(b.size(), 3, size, size));
                            float[] target = new float[b.size() * FaceRecognitionNet.DESCRIPTOR_SIZE];
                            float[] weight = new float[b.size()];
                            float[] isClean = new float[b.size()];
                            for (int i = 0; i < b.size(); i++) {
                                float[] t = (b.clean()[i] ? teacher : occludedTargets)[b.face()[i]][b.flipped()[i] ? 1 : 0];
                                System.arraycopy(t, 0, target, i * t.length, t.length);
                                isClean[i] = b.clean()[i] ? 1 : 0;
                                weight[i] = b.clean()[i] ? o.cleanWeight() : 1f;
                            }
                            NDArray y = sub.create(target, new Shape(b.size(), FaceRecognitionNet.DESCRIPTOR_SIZE));
                            NDArray w = sub.create(weight);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray d = trainer.forward(new NDList(x)).get(0);
                                NDArray per = d.sub(y).square().sum(new int[]{1});
                                NDArray l = per.mul(w).sum().div(w.sum());
                                NDArray nce = contrast == null ? null : contrast.loss(sub, d, b.face(), b.clean());
                                if (nce != null) {
                                    contrastLoss = nce.getFloat();
                                    l = l.add(nce.mul(o.contrastWeight()));
                                }
                                gc.backward(l);
                                loss = l.getFloat();
                                float[] p = per.toFloatArray();
                                double so = 0, sc = 0;
                                int no = 0, nc = 0;
                                for (int i = 0; i < p.length; i++) {
                                    if (isClean[i] > 0) { sc += p[i]; nc++; } else { so += p[i]; no++; }
                                }
                                occLoss = no == 0 ? Float.NaN : (float) (so / no);
                                cleanLoss = nc == 0 ? Float.NaN : (float) (sc / nc);
                            }
                            // an all-clean batch at the start matches the teacher exactly: nothing to step on
                            if (Float.isFinite(loss) && loss > 0) trainer.step();
                        }
                        ema = smooth(ema, loss);
                        emaOcc = smooth(emaOcc, occLoss);
                        emaClean = smooth(emaClean, cleanLoss);
                        emaContrast = smooth(emaContrast, contrastLoss);
                        int done = step + 1;
                        appendLine(o.out().resolve("loss.csv"), "step,loss,occluded_sq_distance,clean_sq_distance,lr",
                                String.format("%d,%.5f,%.5f,%.5f,%.3g", done, loss, occLoss, cleanLoss, lr.getNewValue(step)));
                        bar.update(done, String.format("loss %.4f (occluded %.4f, clean %.4f%s)", ema, emaOcc, emaClean,
                                contrast == null ? "" : String.format(", contrast %.3f", emaContrast)));
                        boolean last = done == o.steps();
                        if (done % o.checkpointEvery() == 0 || last) checkpoint(net, ckpt, meta, done, ema);
                        if (done % o.evalEvery() == 0 || last) {
                            RecognizerValidation.Report r = validator.evaluate(net, root);
                            bar.newline();
                            console.println("step " + done + ": " + r.summary());
                            log(done, ema, r);
                            writeDelta(net, base, o.out().resolve(String.format("delta-%05d.bin", done)));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } finally {
                    producer.interrupt();
                }
            }
        }
    }

    /** {@code robust}: the bundled delta; else a delta file of this trainer. */
    private static List<WeightFile.Tensor> initialDelta(String init) throws IOException {
        if (init.equals("robust")) {
            try (InputStream in = RobustRecognizer.class.getResourceAsStream(RobustRecognizer.RESOURCE)) {
                if (in == null) throw new IOException("the bundled robust delta is not on the classpath");
                return WeightFile.read(in);
            }
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(init)))) {
            return WeightFile.read(in);
        }
    }

    private static double smooth(double ema, float v) {
        if (!Float.isFinite(v)) return ema;
        return Double.isNaN(ema) ? v : 0.97 * ema + 0.03 * v;
    }

    /** Freezes every parameter, then unfreezes the top-level blocks from {@code from} (a child name) to the end. */
    static int unfreeze(FaceRecognitionNet net, String from) {
        net.freezeParameters(true);
        boolean on = false;
        for (Pair<String, Block> c : net.getChildren()) {
            if (c.getKey().endsWith(from)) on = true;
            if (on) c.getValue().freezeParameters(false);
        }
        if (!on) throw new IllegalArgumentException("--train-from " + from + " is not a block of the recognizer; blocks: "
                + net.getChildren().keys());
        return count(net, true);
    }

    private static int count(FaceRecognitionNet net, boolean trainableOnly) {
        long n = 0;
        for (Pair<String, Parameter> p : net.getParameters())
            if (!trainableOnly || p.getValue().requiresGradient()) n += p.getValue().getArray().size();
        return Math.toIntExact(n);
    }

    private static Map<String, float[]> copy(Map<String, NDArray> arrays) {
        Map<String, float[]> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, v.toFloatArray()));
        return out;
    }

    /** The trained parameters minus face-api's, uint8-quantized: what {@code RobustRecognizer} loads. */
    static void writeDelta(FaceRecognitionNet net, Map<String, float[]> base, Path file) throws IOException {
        List<WeightFile.Tensor> delta = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (!p.getValue().requiresGradient()) continue;
            NDArray a = p.getValue().getArray();
            float[] v = a.toFloatArray(), b = base.get(p.getKey());
            for (int i = 0; i < v.length; i++) v[i] -= b[i];
            delta.add(new WeightFile.Tensor(p.getKey(), a.getShape().getShape(), v));
        }
        WeightFile.writeQuantized(file, delta);
    }

    private void checkpoint(FaceRecognitionNet net, Path ckpt, Path meta, int step, double loss) throws IOException {
        WeightFile.write(ckpt, NetworkWeights.tensors(NetworkWeights.arrays(net)));
        Files.writeString(meta, Json.MAPPER.writeValueAsString(Map.of("step", step, "loss", loss)));
    }

    private void log(int step, double loss, RecognizerValidation.Report r) throws IOException {
        for (String row : r.csv()) appendLine(o.out().resolve("validation.csv"), RecognizerValidation.Report.CSV_HEADER, step + "," + row);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        line.put("loss", Double.isNaN(loss) ? null : loss);
        line.put("validation", r);
        appendLine(o.out().resolve("log.jsonl"), null, Json.MAPPER.writeValueAsString(line));
    }

    private static void appendLine(Path file, String header, String line) throws IOException {
        String text = (header != null && !Files.exists(file) ? header + "\n" : "") + line + "\n";
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
