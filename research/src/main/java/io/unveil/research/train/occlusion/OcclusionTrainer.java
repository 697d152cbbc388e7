package io.unveil.research.train.occlusion;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.util.Pair;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.Djl;
import io.unveil.core.model.NetworkWeights;
import io.unveil.core.model.WeightFile;
import io.unveil.core.serde.Json;
import io.unveil.inpaint.occlusion.OcclusionNet;
import io.unveil.inpaint.occlusion.OcclusionTensors;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.occluders.FacePatchSource;
import io.unveil.research.occluders.MaskTextures;
import io.unveil.research.occluders.OccluderMix;
import io.unveil.research.occluders.Occluders;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains {@link OcclusionNet} on aligned faces of TRAIN identities with synthetic occluders (BCE + Dice), measuring on
 * VALIDATION identities. Batches are generated on a background thread, reproducibly from (seed, step), so a resumed
 * run sees the same data. Steps whose gradients hold NaN/Inf are skipped and counted. Writes into the output folder:
 * {@code checkpoint.bin} + {@code checkpoint.json} (resume), {@code occlusion-unet.bin} (final weights),
 * {@code metrics.json}, {@code log.jsonl} and {@code predictions-<step>.png} grids.
 */
public final class OcclusionTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(OcclusionTrainer.class);

    public record Options(Path out, int steps, int batch, float learningRate, long seed, int evalEvery,
                          int checkpointEvery, int evalFaces, boolean resume, float diceWeight, Path initFrom) {
        public Options(Path out, int steps, int batch, float learningRate, long seed, int evalEvery, int checkpointEvery,
                       int evalFaces, boolean resume, float diceWeight) {
            this(out, steps, batch, learningRate, seed, evalEvery, checkpointEvery, evalFaces, resume, diceWeight, null);
        }

        public static Options defaults(Path out) {
            return new Options(out, 2000, 16, 2e-3f, 7, 250, 100, 48, true, 1f);
        }
    }

    public record Result(int steps, int skippedSteps, double wallSeconds, double finalLoss,
                         OcclusionValidation.Report validation, Path weights) {
    }

    private final Options o;
    private final PrintStream console;

    public OcclusionTrainer(Options options, PrintStream console) {
        this.o = options;
        this.console = console;
    }

    public Result run(List<AlignedFace> train, List<AlignedFace> validation, Occluders occluders) throws IOException {
        if (train.isEmpty()) throw new IllegalArgumentException("no training faces");
        Djl.init();
        Files.createDirectories(o.out());
        List<AlignedFace> evalFaces = validation.subList(0, Math.min(o.evalFaces(), validation.size()));
        SyntheticBatch synth = new SyntheticBatch(occluders, OccluderMix.training(), 0.2);

        int startStep = 0;
        int skipped = 0;
        double priorSeconds = 0;
        Path ckpt = o.out().resolve("checkpoint.bin"), ckptMeta = o.out().resolve("checkpoint.json");
        try (Model model = Model.newInstance("occlusion", Device.cpu(), "PyTorch")) {
            OcclusionNet net = new OcclusionNet();
            net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            model.setBlock(net);
            CosineTracker lr = CosineTracker.builder().setBaseValue(o.learningRate()).optFinalValue(o.learningRate() * 0.05f)
                    .setMaxUpdates(o.steps()).build();
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(new BceDiceLoss(o.diceWeight()))
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).build());
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(o.batch(), 3, OcclusionNet.SIZE, OcclusionNet.SIZE));
                if (o.resume() && Files.exists(ckpt) && Files.exists(ckptMeta)) {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(ckpt))) {
                        NetworkWeights.read(net, in);
                    }
                    Map<?, ?> meta = Json.MAPPER.readValue(ckptMeta.toFile(), Map.class);
                    startStep = ((Number) meta.get("step")).intValue();
                    skipped = ((Number) meta.get("skippedSteps")).intValue();
                    priorSeconds = ((Number) meta.get("wallSeconds")).doubleValue();
                    console.printf("resumed from %s at step %d (Adam moments restart)%n", ckpt, startStep);
                    // advance the learning-rate schedule to the resumed step
                    for (int i = 0; i < startStep; i++) lr.getNewValue(i);
                } else if (o.initFrom() != null) {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(o.initFrom()))) {
                        NetworkWeights.read(net, in);
                    }
                    console.printf("fine-tuning from %s (fresh schedule and Adam moments)%n", o.initFrom());
                }
                console.printf("occlusion U-Net: %,d parameters; %d train faces, %d validation faces (%d for periodic eval)%n",
                        net.parameterCount(), train.size(), validation.size(), evalFaces.size());

                BlockingQueue<List<SyntheticBatch.Example>> queue = new ArrayBlockingQueue<>(3);
                final int from = startStep;
                Thread producer = new Thread(() -> {
                    try {
                        for (int s = from; s < o.steps(); s++) queue.put(synth.make(train, o.batch(), o.seed() * 7919L + s));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "occlusion-batches");
                producer.setDaemon(true);
                producer.start();

                Progress bar = new Progress(console, o.steps(), startStep);
                long t0 = System.nanoTime();
                double ema = Double.NaN;
                NDManager root = trainer.getManager();
                Function<List<RgbImage>, float[][]> predict = faces -> predict(net, root, faces);
                try {
                    for (int step = startStep; step < o.steps(); step++) {
                        List<SyntheticBatch.Example> batch = queue.take();
                        float loss;
                        boolean finite;
                        try (NDManager sub = root.newSubManager()) {
                            NDArray x = OcclusionTensors.images(sub, batch.stream().map(SyntheticBatch.Example::image).toList());
                            NDArray y = OcclusionTensors.masks(sub, batch.stream().map(SyntheticBatch.Example::mask).toList());
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                gc.zeroGradients();
                                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                                NDArray l = OcclusionLoss.total(logits, y, o.diceWeight());
                                gc.backward(l);
                                loss = l.getFloat();
                            }
                            finite = Float.isFinite(loss) && gradientsFinite(net);
                            if (finite) trainer.step();
                            else {
                                skipped++;
                                clearGradients(net);
                                LOG.warn("step {}: non-finite loss/gradients, skipped", step);
                            }
                        }
                        if (finite) ema = Double.isNaN(ema) ? loss : 0.98 * ema + 0.02 * loss;
                        int done = step + 1;
                        double wall = priorSeconds + (System.nanoTime() - t0) / 1e9;
                        bar.update(done, String.format("loss %.4f skipped %d", ema, skipped));
                        boolean last = done == o.steps();
                        if (done % o.checkpointEvery() == 0 || last) {
                            checkpoint(net, ckpt, ckptMeta, done, skipped, wall, ema);
                        }
                        if ((done % o.evalEvery() == 0 || last) && !evalFaces.isEmpty()) {
                            OcclusionValidation.Report r = OcclusionValidation.evaluate(predict, evalFaces, occluders, 99, 16, 0.5f);
                            bar.newline();
                            console.print("step " + done + ": " + r.summary());
                            Grids.write(o.out().resolve(String.format("predictions-%05d.png", done)),
                                    OcclusionValidation.grid(predict, evalFaces, occluders, 5, 12), 12);
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("step", done);
                            line.put("loss", ema);
                            line.put("skippedSteps", skipped);
                            line.put("wallSeconds", wall);
                            line.put("validation", r);
                            Files.writeString(o.out().resolve("log.jsonl"), Json.MAPPER.writeValueAsString(line) + "\n",
                                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                } finally {
                    producer.interrupt();
                }
                double wall = priorSeconds + (System.nanoTime() - t0) / 1e9;
                Path weights = o.out().resolve("occlusion-unet.bin");
                writeWeights(net, weights);
                OcclusionValidation.Report report = validation.isEmpty() ? null
                        : OcclusionValidation.evaluate(predict, validation, occluders, 1234, 16, 0.5f);
                Result result = new Result(o.steps(), skipped, wall, ema, report, weights);
                Files.writeString(o.out().resolve("metrics.json"), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
                if (report != null) console.print("final validation (" + validation.size() + " faces): " + report.summary());
                return result;
            }
        }
    }

    static float[][] predict(OcclusionNet net, NDManager root, List<RgbImage> faces) {
        try (NDManager sub = root.newSubManager()) {
            NDArray x = OcclusionTensors.images(sub, faces);
            NDArray p = net.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow()
                    .getNDArrayInternal().sigmoid();
            float[] all = p.toFloatArray();
            int plane = OcclusionNet.SIZE * OcclusionNet.SIZE;
            float[][] out = new float[faces.size()][];
            for (int n = 0; n < out.length; n++) out[n] = java.util.Arrays.copyOfRange(all, n * plane, (n + 1) * plane);
            return out;
        }
    }

    static boolean gradientsFinite(OcclusionNet net) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            NDArray a = p.getValue().getArray();
            if (!p.getValue().requiresGradient() || !a.hasGradient()) continue;
            // intermediates closed: they belong to the weights' long-lived manager and would pile up every step
            try (NDArray g = a.getGradient(); NDArray abs = g.abs(); NDArray sum = abs.sum()) {
                if (!Float.isFinite(sum.getFloat())) return false;
            }
        }
        return true;
    }

    private static void clearGradients(OcclusionNet net) {
        for (Pair<String, Parameter> p : net.getParameters()) {
            NDArray a = p.getValue().getArray();
            if (p.getValue().requiresGradient() && a.hasGradient()) {
                try (NDArray g = a.getGradient()) {
                    g.set(new float[Math.toIntExact(a.size())]);
                }
            }
        }
    }

    private static void writeWeights(OcclusionNet net, Path file) throws IOException {
        WeightFile.write(file, NetworkWeights.tensors(NetworkWeights.arrays(net)));
    }

    private static void checkpoint(OcclusionNet net, Path ckpt, Path meta, int step, int skipped, double wall, double loss)
            throws IOException {
        writeWeights(net, ckpt);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("skippedSteps", skipped);
        m.put("wallSeconds", wall);
        m.put("loss", loss);
        Files.writeString(meta, Json.MAPPER.writeValueAsString(m));
    }

    /**
     * The whole training run from a labelled set: aligned faces (cache), identity split, patch source from TRAIN
     * faces only, mask textures from {@code <data>/../occluders} when present, then {@link #run}.
     *
     * @param perIdentity at most this many photos per identity (0 = all)
     * @param detectorSize TinyFaceDetector input size used when the aligned subset must be built
     */
    public static Result train(Path data, int perIdentity, int detectorSize, Options options, PrintStream console)
            throws IOException {
        String dataset = data.toAbsolutePath().normalize().getFileName().toString();
        List<AlignedFace> all = OcclusionData.load(data, perIdentity, detectorSize);
        List<List<AlignedFace>> parts = split(all, dataset);
        List<AlignedFace> train = parts.get(0), val = parts.get(1);
        long trainIds = train.stream().map(AlignedFace::identity).distinct().count();
        long valIds = val.stream().map(AlignedFace::identity).distinct().count();
        console.printf("%s: %d aligned faces; TRAIN %d faces / %d identities, VALIDATION %d faces / %d identities%n",
                dataset, all.size(), train.size(), trainIds, val.size(), valIds);
        Path textures = data.toAbsolutePath().normalize().getParent().resolve("occluders");
        MaskTextures tex = MaskTextures.load(Files.isDirectory(textures) ? textures : null);
        if (tex.isEmpty()) console.println("no occluder textures found: medical masks are drawn procedurally");
        FacePatchSource patches = new FacePatchSource(train.stream().map(AlignedFace::face).toList(),
                train.stream().map(AlignedFace::landmarks).toList());
        console.printf("%d background patches from TRAIN photos for random objects%n", patches.size());
        Occluders occ = new Occluders(tex, patches);
        return new OcclusionTrainer(options, console).run(train, val, occ);
    }

    /** Splits samples into the given identities' parts (train / validation lists). */
    public static List<List<AlignedFace>> split(List<AlignedFace> all, String dataset) {
        List<AlignedFace> train = new ArrayList<>(), val = new ArrayList<>();
        for (AlignedFace s : all)
            (io.unveil.research.data.IdentitySplit.isTrain(dataset, s.identity()) ? train : val).add(s);
        return List.of(train, val);
    }
}
