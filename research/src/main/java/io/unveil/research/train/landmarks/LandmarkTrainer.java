package io.unveil.research.train.landmarks;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.unveil.core.model.Djl;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.model.WeightFile;
import io.unveil.core.model.WeightManifest;
import io.unveil.core.model.WeightTensor;
import io.unveil.core.serde.Json;
import io.unveil.detector.faceapi.FaceLandmark68Block;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import io.unveil.detector.faceapi.FaceLandmark68Translator;
import io.unveil.detector.faceapi.FaceLandmark68Weights;
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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tunes face-api's FaceLandmark68Net ({@code unveil train landmarks}) on TRAIN photos with synthetic occluders
 * ({@link LandmarkExamples}): every weight trainable, L1 loss on the 136 outputs in 112-pixel units against the
 * landmarks of the unmasked photo, Adam with a cosine learning rate. Batches come from a background thread, seeded by
 * (seed, step), so a resumed run sees the same data. Every {@code evalEvery} steps the landmark error per occluder on
 * the validation photos ({@link LandmarkValidation}) goes to {@code validation.csv} and the weights to
 * {@code step-<n>.bin}; {@code checkpoint.bin}/{@code .json} every {@code checkpointEvery} steps (resume; Adam's
 * moments restart); {@code losses.csv} every step. Step 0 is the pretrained net (the "before").
 */
public final class LandmarkTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(LandmarkTrainer.class);
    private static final NDIndex ALL = new NDIndex("...");

    /**
     * @param teacherTargets targets from the frozen pretrained net on the same crop of the photo without the occluder
     *                       (self-distillation: a plain crop keeps the pretrained answer exactly, an occluded one is
     *                       taught what the net would say without the occluder) instead of the ground truth's points
     * @param plainAnchor    (with teacher targets) every example also contributes its crop without the occluder, with
     *                       the same target: the batch doubles, and half of it holds the net to its pretrained answer on
     *                       plain faces
     * @param blankBelow     0, or the share of the net's 112-pixel input from the top below which every input (training
     *                       and validation) is set to the mean colour: a net that only ever sees the upper face, so a
     *                       mask over the lower face changes little of what it sees
     */
    public record Options(Path out, int steps, int batch, float learningRate, long seed, int evalEvery, int checkpointEvery,
                          boolean resume, double maxMinutes, boolean teacherTargets, boolean plainAnchor, float blankBelow) {
        public Options {
            if (!(blankBelow >= 0f && blankBelow < 1f))
                throw new IllegalArgumentException("--blank-below: a share of the input's height in [0, 1), not " + blankBelow);
        }
    }

    public record Result(int steps, int skippedSteps, double wallSeconds, Map<String, Double> before,
                         Map<String, Double> last) {
    }

    private final Options o;
    private final PrintStream console;

    public LandmarkTrainer(Options o, PrintStream console) {
        this.o = o;
        this.console = console;
    }

    public Result run(List<LandmarkFace> train, LandmarkValidation validation) throws IOException {
        if (train.isEmpty()) throw new IllegalArgumentException("no training photos");
        Djl.init();
        Files.createDirectories(o.out());
        Path ckpt = o.out().resolve("checkpoint.bin"), meta = o.out().resolve("checkpoint.json");
        Path losses = o.out().resolve("losses.csv"), valCsv = o.out().resolve("validation.csv");
        int start = 0, skipped = 0;
        double prior = 0;
        Map<String, WeightTensor> init;
        boolean resumed = o.resume() && Files.exists(ckpt) && Files.exists(meta);
        if (resumed) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(ckpt))) {
                init = FaceLandmark68Weights.read(in);
            }
            Map<?, ?> m = Json.MAPPER.readValue(meta.toFile(), Map.class);
            start = ((Number) m.get("step")).intValue();
            skipped = ((Number) m.get("skippedSteps")).intValue();
            prior = ((Number) m.get("wallSeconds")).doubleValue();
            console.printf("resumed from %s at step %d (Adam moments restart)%n", ckpt, start);
        } else {
            init = WeightManifest.load(FaceApiModels.ensureDefault().file(FaceLandmark68Net.MANIFEST));
            Files.writeString(losses, "step,seconds,loss,lr\n");
        }
        try (NDManager base = NDManager.newBaseManager(Device.cpu())) {
            FaceLandmark68Block net = new FaceLandmark68Block().load(base, init);
            FaceLandmark68Block teacher = o.teacherTargets()
                    ? new FaceLandmark68Block().load(base, WeightManifest.load(FaceApiModels.ensureDefault().file(FaceLandmark68Net.MANIFEST)))
                    : null;
            List<Pair<String, Parameter>> params = new ArrayList<>();
            for (Pair<String, Parameter> p : net.getParameters()) params.add(p);
            for (Pair<String, Parameter> p : params) p.getValue().getArray().setRequiresGradient(true);
            float[] lrNow = {o.learningRate()};
            Optimizer adam = Optimizer.adam().optLearningRateTracker((Tracker) n -> lrNow[0]).build();
            Map<String, Double> before = null, last = null;
            if (o.blankBelow() > 0) console.println(LandmarkExamples.pointHeights(train));
            if (!resumed) {
                before = validate(net, base, validation, valCsv, 0, true, o.blankBelow());
                console.println("step 0 (pretrained): " + LandmarkValidation.format(before));
            }
            BlockingQueue<List<LandmarkExamples.Example>> queue = new ArrayBlockingQueue<>(4);
            final int from = start;
            Thread producer = new Thread(() -> {
                try {
                    for (int s = from; s < o.steps(); s++) {
                        Random rnd = new Random(o.seed() * 1_000_003L + s);
                        List<LandmarkExamples.Example> b = new ArrayList<>(o.batch());
                        for (int i = 0; i < o.batch(); i++) b.add(LandmarkExamples.random(train, rnd));
                        queue.put(b);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "landmark-batches");
            producer.setDaemon(true);
            producer.start();
            long t0 = System.nanoTime();
            double ema = Double.NaN;
            int step = start;
            try {
                for (; step < o.steps(); step++) {
                    if (o.maxMinutes() > 0 && (System.nanoTime() - t0) / 6e10 > o.maxMinutes()) break;
                    lrNow[0] = (float) (o.learningRate() * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * step / o.steps()))));
                    List<LandmarkExamples.Example> batch = queue.take();
                    float loss;
                    boolean finite;
                    try (NDManager m = base.newSubManager()) {
                        NDArray x = m.create(LandmarkExamples.blankBelow(concat(batch, true), o.blankBelow()),
                                new Shape(batch.size(), 3, 112, 112));
                        NDArray y = teacher == null ? m.create(concat(batch, false), new Shape(batch.size(), 136))
                                : teacher.forward(new ParameterStore(m, false),
                                new NDList(m.create(plainInputs(batch), new Shape(batch.size(), 3, 112, 112))), false).singletonOrThrow();
                        if (teacher != null && o.plainAnchor()) {
                            // the student sees the anchor crop blanked as every input; the teacher saw it whole
                            x = x.concat(m.create(LandmarkExamples.blankBelow(plainInputs(batch), o.blankBelow()),
                                    new Shape(batch.size(), 3, 112, 112)));
                            y = y.concat(y);
                        }
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            // training=false: the block has no dropout or batch norm, and DJL's training forward would
                            // try to initialise the loaded block; the collector records the graph of the weights that
                            // require gradients either way
                            NDArray pred = net.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
                            // L1 in pixels of the net's 112 input: robust to the few faces whose ground truth is off
                            NDArray l = pred.sub(y).abs().mean().mul(FaceLandmark68Translator.INPUT_SIZE);
                            gc.backward(l);
                            loss = l.getFloat();
                        }
                        finite = Float.isFinite(loss) && gradientsFinite(params);
                        for (Pair<String, Parameter> p : params) {
                            NDArray a = p.getValue().getArray();
                            try (NDArray g = a.getGradient()) {
                                if (finite) adam.update(p.getKey(), a, g);
                                g.set(ALL, 0f);
                            }
                        }
                    }
                    if (!finite) {
                        skipped++;
                        LOG.warn("step {}: non-finite loss/gradients, update skipped", step);
                    } else {
                        ema = Double.isNaN(ema) ? loss : 0.98 * ema + 0.02 * loss;
                    }
                    int done = step + 1;
                    double wall = prior + (System.nanoTime() - t0) / 1e9;
                    Files.writeString(losses, String.format(Locale.ROOT, "%d,%.1f,%.4f,%.6f%n", done, wall, loss, lrNow[0]),
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    console.printf(Locale.ROOT, "\rlandmarks %d/%d  loss %.3f px  %.2f s/step  lr %.1e ", done, o.steps(), ema,
                            (System.nanoTime() - t0) / 1e9 / (done - start), lrNow[0]);
                    console.flush();
                    if (done % o.checkpointEvery() == 0 || done == o.steps())
                        checkpoint(net, ckpt, meta, done, skipped, wall);
                    if (done % o.evalEvery() == 0 || done == o.steps()) {
                        last = validate(net, base, validation, valCsv, done, false, o.blankBelow());
                        WeightFile.write(o.out().resolve(String.format("step-%05d.bin", done)), FaceLandmark68Weights.tensors(net));
                        console.println();
                        console.println("step " + done + ": " + LandmarkValidation.format(last));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } finally {
                producer.interrupt();
            }
            double wall = prior + (System.nanoTime() - t0) / 1e9;
            checkpoint(net, ckpt, meta, step, skipped, wall);
            console.println();
            return new Result(step, skipped, wall, before, last);
        }
    }

    /** Measures face-api's pretrained net (step 0) and each weight file; one CSV row each (as validation.csv). */
    public static void evaluate(LandmarkValidation v, List<Path> files, Path csv, PrintStream console) throws IOException {
        Djl.init();
        Files.deleteIfExists(csv);
        try (NDManager base = NDManager.newBaseManager(Device.cpu())) {
            Map<String, WeightTensor> pre = WeightManifest.load(FaceApiModels.ensureDefault().file(FaceLandmark68Net.MANIFEST));
            FaceLandmark68Block pretrained = new FaceLandmark68Block().load(base, pre);
            console.println("pretrained: " + LandmarkValidation.format(validate(pretrained, base, v, csv, 0, true)));
            writePoints(v.points(inputs -> predict(pretrained, base, inputs)), csv.resolveSibling("points-0.csv"));
            for (int i = 0; i < files.size(); i++) {
                Map<String, WeightTensor> w;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(files.get(i)))) {
                    w = FaceLandmark68Weights.read(in);
                }
                FaceLandmark68Block net = new FaceLandmark68Block().load(base, w);
                Map<String, Double> r = validate(net, base, v, csv, i + 1, false);
                console.println(files.get(i) + ": " + LandmarkValidation.format(r));
                writePoints(v.points(inputs -> predict(net, base, inputs)), csv.resolveSibling("points-" + (i + 1) + ".csv"));
            }
        }
    }

    /**
     * Every validation face's 68 points as the net put them and its ground truth (photo pixels), one row per face and
     * condition: condition, 136 predicted, 136 truth. For analyses of where the error sits (docs/rules/scripts).
     */
    static void writePoints(List<LandmarkValidation.Points> points, Path csv) throws IOException {
        List<String> rows = new ArrayList<>(points.size());
        for (LandmarkValidation.Points p : points) {
            StringBuilder sb = new StringBuilder(p.condition());
            for (float v : p.predicted()) sb.append(String.format(Locale.ROOT, ",%.2f", v));
            for (float v : p.truth()) sb.append(String.format(Locale.ROOT, ",%.2f", v));
            rows.add(sb.toString());
        }
        Files.write(csv, rows);
    }

    private static float[] concat(List<LandmarkExamples.Example> batch, boolean inputs) {
        int per = inputs ? 3 * 112 * 112 : 136;
        float[] out = new float[batch.size() * per];
        for (int i = 0; i < batch.size(); i++)
            System.arraycopy(inputs ? batch.get(i).input() : batch.get(i).target(), 0, out, i * per, per);
        return out;
    }

    private static float[] plainInputs(List<LandmarkExamples.Example> batch) {
        int per = 3 * 112 * 112;
        float[] out = new float[batch.size() * per];
        for (int i = 0; i < batch.size(); i++) System.arraycopy(batch.get(i).plainInput(), 0, out, i * per, per);
        return out;
    }

    private static boolean gradientsFinite(List<Pair<String, Parameter>> params) {
        for (Pair<String, Parameter> p : params) {
            try (NDArray g = p.getValue().getArray().getGradient(); NDArray abs = g.abs(); NDArray sum = abs.sum()) {
                if (!Float.isFinite(sum.getFloat())) return false;
            }
        }
        return true;
    }

    /** Runs the validation and appends a row (step, each condition's NME, worst/plain) to {@code csv}. */
    static Map<String, Double> validate(FaceLandmark68Block net, NDManager base, LandmarkValidation v, Path csv, int step,
                                        boolean header) throws IOException {
        return validate(net, base, v, csv, step, header, 0f);
    }

    /** As above, every input blanked below {@code blankBelow} of its height (0: none), as the net was trained. */
    static Map<String, Double> validate(FaceLandmark68Block net, NDManager base, LandmarkValidation v, Path csv, int step,
                                        boolean header, float blankBelow) throws IOException {
        Map<String, Double> r = v.measure(inputs -> predict(net, base,
                blankBelow > 0 ? inputs.stream().map(i -> LandmarkExamples.blankBelow(i, blankBelow)).toList() : inputs));
        StringBuilder sb = new StringBuilder();
        if (header && !Files.exists(csv)) sb.append("step,").append(String.join(",", r.keySet())).append('\n');
        sb.append(step);
        for (double d : r.values()) sb.append(String.format(Locale.ROOT, ",%.5f", d));
        Files.writeString(csv, sb.append('\n').toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return r;
    }

    /** The net's raw outputs (136 relative coordinates each) for CHW inputs, in batches of 64, without gradients. */
    static List<float[]> predict(FaceLandmark68Block net, NDManager base, List<float[]> inputs) {
        List<float[]> out = new ArrayList<>(inputs.size());
        int per = 3 * 112 * 112;
        for (int i = 0; i < inputs.size(); i += 64) {
            int n = Math.min(64, inputs.size() - i);
            float[] data = new float[n * per];
            for (int k = 0; k < n; k++) System.arraycopy(inputs.get(i + k), 0, data, k * per, per);
            try (NDManager m = base.newSubManager()) {
                NDArray x = m.create(data, new Shape(n, 3, 112, 112));
                float[] y = net.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
                for (int k = 0; k < n; k++) out.add(java.util.Arrays.copyOfRange(y, k * 136, (k + 1) * 136));
            }
        }
        return out;
    }

    private static void checkpoint(FaceLandmark68Block net, Path ckpt, Path meta, int step, int skipped, double wall)
            throws IOException {
        WeightFile.write(ckpt, FaceLandmark68Weights.tensors(net));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("skippedSteps", skipped);
        m.put("wallSeconds", wall);
        Files.writeString(meta, Json.MAPPER.writeValueAsString(m));
    }
}
