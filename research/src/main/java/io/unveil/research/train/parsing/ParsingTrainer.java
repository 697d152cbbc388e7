package io.unveil.research.train.parsing;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.Djl;
import io.unveil.inpaint.idgan.Generator;
import io.unveil.inpaint.idgan.Tensors;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.train.idgan.Augment;
import io.unveil.research.train.idgan.IdGanTrainer;
import io.unveil.research.train.idgan.TrainingFace;
import io.unveil.research.train.idgan.TrainingFaces;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the parsing net S ({@code unveil train parsing}) on labels drawn from the aligned landmarks of the TRAIN
 * identities (flip/shift/rotation applied to face and labels alike), softmax loss, Adam. Reports pixel accuracy and
 * mean IoU on the VALIDATION identities, and writes parsing-net.bin, losses.csv and a grid (face | labels | S).
 */
public final class ParsingTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(ParsingTrainer.class);

    public record Options(String dataset, Path out, int steps, int batch, int width, float lr, long seed, String device,
                          double maxMinutes) {
    }

    public record Result(int steps, double seconds, double pixelAccuracy, double meanIou, Path weights) {
    }

    private final Options o;
    private final PrintStream progress;

    public ParsingTrainer(Options o, PrintStream progress) {
        this.o = o;
        this.progress = progress;
    }

    public Result run(List<TrainingFace> all) throws IOException {
        List<TrainingFace> train = TrainingFaces.part(all, o.dataset(), IdentitySplit.Part.TRAIN).stream()
                .filter(f -> f.landmarks() != null).toList();
        List<TrainingFace> val = TrainingFaces.part(all, o.dataset(), IdentitySplit.Part.VALIDATION).stream()
                .filter(f -> f.landmarks() != null).toList();
        if (train.isEmpty()) throw new IllegalArgumentException("no TRAIN faces with landmarks in " + o.dataset());
        Files.createDirectories(o.out());
        Device device = Djl.device(o.device());
        Path csv = o.out().resolve("losses.csv");
        Files.writeString(csv, "step,seconds,loss\n");
        long t0 = System.nanoTime();
        int size = Generator.SIZE;
        try (NDManager base = NDManager.newBaseManager(device)) {
            ParsingNet net = new ParsingNet(base, o.width(), o.seed());
            Optimizer opt = Optimizer.adam().optLearningRateTracker(Tracker.fixed(o.lr())).build();
            double avg = 0;
            int step = 0;
            for (; step < o.steps(); step++) {
                if (o.maxMinutes() > 0 && (System.nanoTime() - t0) / 6e10 > o.maxMinutes()) break;
                Random rnd = new Random(o.seed() * 1_000_003L + step);
                try (NDManager m = base.newSubManager()) {
                    List<float[]> faces = new ArrayList<>(), labels = new ArrayList<>();
                    for (int i = 0; i < o.batch(); i++) {
                        TrainingFace f = train.get(rnd.nextInt(train.size()));
                        Augment.Draw d = Augment.Draw.random(rnd);
                        faces.add(Augment.image(f.face(), d));
                        byte[] l = Augment.labels(LandmarkParsing.labels(f.landmarks(), size), size, size, d);
                        float[] lf = new float[l.length];
                        for (int k = 0; k < l.length; k++) lf[k] = l[k];
                        labels.add(lf);
                    }
                    NDArray x = Tensors.batch(m, faces, 3, size);
                    NDArray y = Tensors.batch(m, labels, 1, size).squeeze(1);
                    float loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = net.logits(x, true);
                        NDArray oneHot = y.toType(ai.djl.ndarray.types.DataType.INT64, false).oneHot(FaceParts.COUNT)
                                .transpose(0, 3, 1, 2);
                        NDArray l = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
                        gc.backward(l);
                        loss = l.getFloat();
                    }
                    if (net.params().gradientsFinite() && Float.isFinite(loss)) {
                        for (Map.Entry<String, NDArray> e : net.params().tensors().entrySet())
                            try (NDArray g = e.getValue().getGradient()) {
                                opt.update(e.getKey(), e.getValue(), g);
                            }
                    } else {
                        LOG.warn("step {}: non-finite gradients, update skipped", step);
                    }
                    net.params().zeroGradients();
                    avg = step == 0 ? loss : 0.9 * avg + 0.1 * loss;
                    double secs = (System.nanoTime() - t0) / 1e9;
                    Files.writeString(csv, String.format(Locale.ROOT, "%d,%.1f,%.4f%n", step + 1, secs, loss),
                            StandardOpenOption.APPEND);
                    progress.print(String.format(Locale.ROOT, "\rparsing %d/%d  loss %.4f  %.2f s/step ", step + 1,
                            o.steps(), avg, secs / (step + 1)));
                    progress.flush();
                }
            }
            progress.println();
            Path weights = o.out().resolve("parsing-net.bin");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(weights))) {
                net.params().save(out);
            }
            double[] acc = validate(base, net, val.isEmpty() ? train : val, o.out());
            double secs = (System.nanoTime() - t0) / 1e9;
            LOG.info("parsing net: {} steps, {} s, validation pixel accuracy {}, mean IoU {}", step,
                    String.format(Locale.ROOT, "%.0f", secs), String.format(Locale.ROOT, "%.3f", acc[0]),
                    String.format(Locale.ROOT, "%.3f", acc[1]));
            return new Result(step, secs, acc[0], acc[1], weights);
        }
    }

    /** Pixel accuracy and mean IoU over the parts against the landmark labels; also writes validation-grid.png. */
    static double[] validate(NDManager base, ParsingNet net, List<TrainingFace> val, Path out) throws IOException {
        int size = Generator.SIZE, n = Math.min(200, val.size());
        long correct = 0, total = 0;
        long[] inter = new long[FaceParts.COUNT], union = new long[FaceParts.COUNT];
        List<RgbImage[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i += 16) {
            List<TrainingFace> part = new ArrayList<>();
            for (int k = i; k < Math.min(n, i + 16); k++) part.add(val.get((int) ((long) k * val.size() / n)));
            try (NDManager m = base.newSubManager()) {
                NDArray x = Tensors.batch(m, part.stream().map(f -> Tensors.chw(f.face())).toList(), 3, size);
                float[] pred = net.logits(x, false).argMax(1).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
                for (int k = 0; k < part.size(); k++) {
                    byte[] truth = LandmarkParsing.labels(part.get(k).landmarks(), size);
                    byte[] p = new byte[truth.length];
                    for (int j = 0; j < truth.length; j++) {
                        int t = truth[j], q = (int) pred[k * truth.length + j];
                        p[j] = (byte) q;
                        if (t == q) correct++;
                        total++;
                        for (int c = 0; c < FaceParts.COUNT; c++) {
                            if (t == c && q == c) inter[c]++;
                            if (t == c || q == c) union[c]++;
                        }
                    }
                    if (rows.size() < 6) rows.add(new RgbImage[] {part.get(k).face(), colour(truth, size), colour(p, size)});
                }
            }
        }
        double iou = 0;
        int classes = 0;
        for (int c = 0; c < FaceParts.COUNT; c++)
            if (union[c] > 0) {
                iou += (double) inter[c] / union[c];
                classes++;
            }
        RgbImage[][] cols = new RgbImage[3][rows.size()];
        for (int r = 0; r < rows.size(); r++) for (int c = 0; c < 3; c++) cols[c][r] = rows.get(r)[c];
        Files.write(out.resolve("validation-grid.png"), Images.encodePng(io.unveil.research.train.idgan.Grids.grid(rows.size(), cols)));
        return new double[] {(double) correct / Math.max(1, total), iou / Math.max(1, classes)};
    }

    static final int[] PALETTE = {0x000000, 0xe0b090, 0x603010, 0x2060ff, 0x30c030, 0xe02020};

    static RgbImage colour(byte[] labels, int size) {
        byte[] d = new byte[size * size * 3];
        for (int i = 0; i < labels.length; i++) {
            int c = PALETTE[Math.max(0, Math.min(PALETTE.length - 1, labels[i]))];
            d[i * 3] = (byte) (c >> 16);
            d[i * 3 + 1] = (byte) (c >> 8);
            d[i * 3 + 2] = (byte) c;
        }
        return new RgbImage(size, size, d);
    }

}
