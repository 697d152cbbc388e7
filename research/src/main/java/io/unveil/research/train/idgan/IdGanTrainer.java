package io.unveil.research.train.idgan;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.unveil.core.config.UnveilHome;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.Djl;
import io.unveil.core.serde.Json;
import io.unveil.inpaint.idgan.Generator;
import io.unveil.inpaint.idgan.Tensors;
import io.unveil.inpaint.idgan.nn.Ops;
import io.unveil.inpaint.idgan.nn.Params;
import io.unveil.inpaint.prior.FacePrior;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.train.parsing.ParsingNet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the ID-GAN generator (paper eq. 2-7): generator I against the global and local critics, with the frozen
 * parsing net S and the frozen recognizer R as extra players. One step = one generator update on
 * L = L_I + wl*L_Dl + wg*L_Dg + ws*L_S + wr*L_R, then one critic update (hinge). Writes into {@code out}:
 * losses.csv, grid-&lt;step&gt;.png (ground truth | occluded | inpainted), checkpoint/ (resumable), generator.bin.
 */
public final class IdGanTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(IdGanTrainer.class);

    private final IdGanOptions o;
    private final Function<NDManager, IdentityNet> recognizer;
    private final MaskSource occluders;
    private final PrintStream progress;
    private GradientSpikeGuard spikes;
    private double lastGradientNorm = Double.NaN;

    /**
     * @param recognizer builds R on the training manager (null only with identity loss NONE)
     * @param occluders  extra mask source mixed with the 48x48 block (null = block only)
     */
    public IdGanTrainer(IdGanOptions options, Function<NDManager, IdentityNet> recognizer, MaskSource occluders,
                        PrintStream progress) {
        this.o = options;
        this.recognizer = recognizer;
        this.occluders = occluders;
        this.progress = progress;
        if (o.identityLoss != IdentityLoss.NONE && recognizer == null)
            throw new IllegalArgumentException("identity loss " + o.identityLoss + " needs the recognizer R");
    }

    public record Result(int steps, int skipped, double seconds, double validationPsnrHole, Path generator) {
    }

    public Result run(List<TrainingFace> all) throws IOException {
        if (o.threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(o.threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        Device device = Djl.device(o.device);
        List<TrainingFace> train = TrainingFaces.part(all, o.dataset, IdentitySplit.Part.TRAIN);
        List<TrainingFace> val = TrainingFaces.part(all, o.dataset, IdentitySplit.Part.VALIDATION);
        if (train.isEmpty()) throw new IllegalArgumentException("no TRAIN-identity faces in " + o.dataset);
        Files.createDirectories(o.out);
        LOG.info("ID-GAN: {} train faces ({} identities), {} validation faces; {}", train.size(),
                train.stream().map(TrainingFace::identity).distinct().count(), val.size(), o.describe());

        try (NDManager base = NDManager.newBaseManager(device)) {
            FacePrior prior = !o.prior ? null : o.priorWeights != null ? FacePrior.load(o.priorWeights) : FacePrior.bundled();
            Generator g = new Generator(base, o.width, o.seed, o.mirror, prior);
            Critic dg = new Critic(base, 128, o.criticWidth, o.seed + 1);
            Critic dl = new Critic(base, Masks.LOCAL, o.criticWidth, o.seed + 2);
            ParsingNet s = null;
            if (o.useParsing) {
                s = ParsingNet.load(base, o.parsingWeights);
                s.params().freeze();
            }
            IdentityNet r = o.identityLoss == IdentityLoss.NONE ? null : recognizer.apply(base);
            Map<String, float[]> centres = r == null ? Map.of() : cachedCentres(base, r, train, o.dataset);

            int start = 0;
            Path ckpt = o.out.resolve("checkpoint");
            if (o.resume && Files.isRegularFile(ckpt.resolve("step.txt"))) {
                start = Integer.parseInt(Files.readString(ckpt.resolve("step.txt")).trim());
                loadGenerator(g, ckpt.resolve("generator.bin"));
                load(dg.params(), ckpt.resolve("critic-global.bin"));
                load(dl.params(), ckpt.resolve("critic-local.bin"));
                LOG.info("resumed from {} at step {}", ckpt, start);
            } else if (o.initFrom != null) {
                initialise(g, dg, dl, o.initFrom, progress);
            }
            Optimizer optG = Optimizer.adam().optLearningRateTracker(Tracker.fixed(o.lr)).optBeta1(o.beta1Generator).build();
            Optimizer optD = Optimizer.adam().optLearningRateTracker(Tracker.fixed(o.lr)).optBeta1(o.beta1Critic).build();

            Path csv = o.out.resolve("losses.csv");
            if (start == 0 || !Files.exists(csv))
                Files.writeString(csv, "step,seconds,L_I,L_Dl,L_Dg,L_S,L_R,total,critic_global,critic_local,skipped,val_psnr_hole,val_identity_dist,grad_norm\n");
            List<String> identities = train.stream().map(TrainingFace::identity).distinct().sorted().toList();
            Validation validation = new Validation(val, o.seed);
            spikes = new GradientSpikeGuard(o.maxGradRatio, 200);
            long t0 = System.nanoTime();
            int skipped = 0;
            double lastPsnr = Double.NaN;
            double lastIdentity = Double.NaN;
            if (r != null && !val.isEmpty())
                progress.println("validation R_h distance to ground truth (48 faces, 48x48 blocks): white block "
                        + fmt(validation.identityDistance(base, null, r)) + ", generator at start "
                        + fmt(validation.identityDistance(base, g, r)));
            double[] avg = new double[9];
            int step = start;
            for (; step < o.steps; step++) {
                double minutes = (System.nanoTime() - t0) / 6e10;
                if (o.maxMinutes > 0 && minutes >= o.maxMinutes) {
                    LOG.info("time budget of {} min reached at step {}", o.maxMinutes, step);
                    break;
                }
                Random rnd = new Random(o.seed * 1_000_003L + step);
                try (NDManager m = base.newSubManager()) {
                    Batch b = batch(m, train, identities, centres, rnd);
                    double[] l = step(m, b, g, dg, dl, s, r, optG, optD);
                    if (l == null) {
                        skipped++;
                        LOG.warn("step {}: generator gradient norm {} (recent median {}): update skipped ({} so far)",
                                step, lastGradientNorm, spikes.median(), skipped);
                        continue;
                    }
                    for (int i = 0; i < l.length; i++) avg[i] = step == start ? l[i] : 0.9 * avg[i] + 0.1 * l[i];
                    boolean validate = o.validateEvery > 0 && (step + 1) % o.validateEvery == 0;
                    if (validate && !val.isEmpty()) {
                        lastPsnr = validation.psnrHole(base, g);
                        if (r != null) lastIdentity = validation.identityDistance(base, g, r);
                    }
                    double secs = (System.nanoTime() - t0) / 1e9;
                    Files.writeString(csv, String.format(Locale.ROOT, "%d,%.1f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%d,%s,%s,%.4g%n",
                            step + 1, secs, l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7], skipped,
                            validate ? String.format(Locale.ROOT, "%.3f", lastPsnr) : "",
                            validate && r != null ? String.format(Locale.ROOT, "%.4f", lastIdentity) : "", l[8]),
                            StandardOpenOption.APPEND);
                    if (o.gridEvery > 0 && ((step + 1) % o.gridEvery == 0 || step == start))
                        Grids.write(o.out.resolve(String.format("grid-%06d.png", step + 1)), b.faces, b.masks,
                                g.inpaint(b.faces, b.masks, false));
                    if (o.checkpointEvery > 0 && (step + 1) % o.checkpointEvery == 0) {
                        checkpoint(ckpt, step + 1, g, dg, dl);
                        if (o.keepSnapshots) save(g.params(), snapshot(o.out, step + 1));
                    }
                    progress(step + 1, secs, avg, lastPsnr, start);
                }
            }
            checkpoint(ckpt, step, g, dg, dl);
            Path gen = o.out.resolve("generator.bin");
            save(g.params(), gen);
            if (!val.isEmpty()) lastPsnr = validation.psnrHole(base, g);
            if (r != null && !val.isEmpty())
            progress.println();
            if (r != null && !val.isEmpty())
                progress.println("validation R_h distance to ground truth at the end: "
                        + fmt(validation.identityDistance(base, g, r)));
            double secs = (System.nanoTime() - t0) / 1e9;
            LOG.info("ID-GAN training done: step {}, {} skipped, {} s, validation hole PSNR {}", step, skipped,
                    String.format(Locale.ROOT, "%.0f", secs), String.format(Locale.ROOT, "%.2f", lastPsnr));
            if (r != null) r.close();
            return new Result(step, skipped, secs, lastPsnr, gen);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private void progress(int step, double secs, double[] a, double psnr, int start) {
        int width = 24;
        int filled = (int) Math.round(width * (double) step / o.steps);
        double rate = (step - start) / Math.max(secs, 1e-9);
        double eta = (o.steps - step) / Math.max(rate, 1e-9);
        progress.print(String.format(Locale.ROOT,
                "\r[%s%s] %d/%d  L_I %.1f  L_Dl %.3f  L_Dg %.3f  L_S %.3f  L_R %.3f  D %.3f/%.3f  val-hole-PSNR %.2f  %.2f s/step  eta %.0f min ",
                "#".repeat(filled), ".".repeat(width - filled), step, o.steps, a[0], a[1], a[2], a[3], a[4], a[6], a[7],
                psnr, 1 / Math.max(rate, 1e-9), eta / 60));
        progress.flush();
    }

    /** One batch: augmented ground truth Y, masks M, discount weights, local windows, identity centres. */
    record Batch(NDArray faces, NDArray masks, NDArray weights, int[][] windows, NDArray fid, NDArray fneg) {
    }

    private Batch batch(NDManager m, List<TrainingFace> train, List<String> identities, Map<String, float[]> centres,
                        Random rnd) {
        List<float[]> faces = new ArrayList<>(), masks = new ArrayList<>(), weights = new ArrayList<>();
        List<float[]> fid = new ArrayList<>(), fneg = new ArrayList<>();
        int[][] windows = new int[o.batch][];
        for (int i = 0; i < o.batch; i++) {
            TrainingFace f = train.get(rnd.nextInt(train.size()));
            Augment.Draw draw = Augment.Draw.random(rnd);
            faces.add(Augment.image(f.face(), draw));
            float[] mask;
            if (occluders != null && f.landmarks() != null && rnd.nextFloat() < o.occluderShare) {
                // drawn on the unaugmented face (landmark-placed), then moved with the face
                float[] m0 = occluders.next(f, rnd);
                byte[] b0 = new byte[m0.length];
                for (int k = 0; k < m0.length; k++) b0[k] = (byte) (m0[k] > 0.5f ? 1 : 0);
                byte[] b1 = Augment.labels(b0, Generator.SIZE, Generator.SIZE, draw);
                mask = new float[b1.length];
                for (int k = 0; k < b1.length; k++) mask[k] = b1[k];
            } else {
                mask = MaskSource.BLOCK_48.next(f, rnd);
            }
            masks.add(mask);
            weights.add(Masks.discountWeights(mask, Generator.SIZE, Generator.SIZE));
            windows[i] = Masks.localWindow(mask, Generator.SIZE);
            // the negative is drawn even without identity loss, so that ablations see exactly the same batches
            String other;
            do other = identities.get(rnd.nextInt(identities.size())); while (other.equals(f.identity()) && identities.size() > 1);
            if (!centres.isEmpty()) {
                fid.add(centres.get(f.identity()));
                fneg.add(centres.get(other));
            }
        }
        NDArray fidA = centres.isEmpty() ? null : stack128(m, fid);
        NDArray fnegA = centres.isEmpty() ? null : stack128(m, fneg);
        return new Batch(Tensors.batch(m, faces, 3, Generator.SIZE), Tensors.batch(m, masks, 1, Generator.SIZE),
                Tensors.batch(m, weights, 1, Generator.SIZE), windows, fidA, fnegA);
    }

    private static NDArray stack128(NDManager m, List<float[]> rows) {
        int d = rows.get(0).length;
        float[] all = new float[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, all, i * d, d);
        return m.create(all, new Shape(rows.size(), d));
    }

    /** The local critic's view: the 64x64 window around each hole (or the whole face halved when the hole is larger). */
    static NDArray local(NDArray images, int[][] windows) {
        NDList crops = new NDList();
        for (int i = 0; i < windows.length; i++) {
            int[] w = windows[i];
            if (w == null) {
                crops.add(Ops.downsample2x(images.get(new NDIndex("{}:{}", i, i + 1))).squeeze(0));
            } else {
                crops.add(images.get(new NDIndex("{}, :, {}:{}, {}:{}", i, w[1], w[1] + Masks.LOCAL, w[0], w[0] + Masks.LOCAL)));
            }
        }
        return NDArrays.stack(crops);
    }

    /**
     * One generator + critic update; returns the losses and the generator's gradient norm, or null when a gradient
     * was not finite or the generator's was a spike ({@link GradientSpikeGuard}): nothing is updated then.
     */
    private double[] step(NDManager m, Batch b, Generator g, Critic dg, Critic dl, ParsingNet s, IdentityNet r,
                          Optimizer optG, Optimizer optD) {
        NDArray logitsY = s == null ? null : s.logits(b.faces, false);
        IdentityNet.Features fy = r == null ? null : r.features(b.faces);
        double[] out = new double[9];
        NDArray fake;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray raw = g.raw(g.input(b.faces, b.masks), true);
            NDArray x = Generator.composite(raw, b.faces, b.masks);
            NDArray li = Losses.reconstruction(raw, b.faces, b.weights);
            NDArray ldl = Losses.generatorAdversarial(dl.score(local(x, b.windows), true));
            NDArray ldg = Losses.generatorAdversarial(dg.score(x, true));
            NDArray total = li.add(ldl.mul(o.wLocal)).add(ldg.mul(o.wGlobal));
            NDArray ls = null, lr = null;
            if (s != null) {
                ls = Losses.parsing(s.logits(x, true), logitsY);
                total = total.add(ls.mul(o.wParsing));
            }
            if (r != null) {
                IdentityNet.Features fx = r.features(x);
                lr = Losses.identity(o.identityLoss, fx.low(), fy.low(), fx.high(), fy.high(), b.fid, b.fneg, o.tripletMargin,
                        o.alphaLow, o.alphaHigh, o.beta);
                total = total.add(lr.mul(o.wIdentity));
            }
            gc.backward(total);
            out[0] = li.getFloat();
            out[1] = ldl.getFloat();
            out[2] = ldg.getFloat();
            out[3] = ls == null ? 0 : ls.getFloat();
            out[4] = lr == null ? 0 : lr.getFloat();
            out[5] = total.getFloat();
            fake = x.stopGradient();
        }
        lastGradientNorm = g.params().gradientNorm();
        out[8] = lastGradientNorm;
        boolean ok = spikes.accept(lastGradientNorm);
        if (ok) update(optG, g.params());
        g.params().zeroGradients();
        dg.params().zeroGradients();
        dl.params().zeroGradients();
        if (!ok) return null;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray cg = Losses.criticHinge(dg.score(b.faces, true), dg.score(fake, true));
            NDArray cl = Losses.criticHinge(dl.score(local(b.faces, b.windows), true), dl.score(local(fake, b.windows), true));
            gc.backward(cg.add(cl));
            out[6] = cg.getFloat();
            out[7] = cl.getFloat();
        }
        boolean dok = dg.params().gradientsFinite() && dl.params().gradientsFinite();
        if (dok) {
            update(optD, dg.params());
            update(optD, dl.params());
        }
        dg.params().zeroGradients();
        dl.params().zeroGradients();
        for (double v : out) if (!Double.isFinite(v)) return null;
        return dok ? out : null;
    }

    private static void update(Optimizer opt, Params p) {
        for (Map.Entry<String, NDArray> e : p.tensors().entrySet()) {
            try (NDArray grad = e.getValue().getGradient()) {
                opt.update(System.identityHashCode(p) + "/" + e.getKey(), e.getValue(), grad);
            }
        }
    }

    /**
     * f_id, read from the cache when the same recognizer already saw exactly these training faces (the pass over a few
     * thousand faces costs minutes on two cores and is the same for every run on one data set).
     */
    static Map<String, float[]> cachedCentres(NDManager base, IdentityNet r, List<TrainingFace> train, String dataset) {
        StringBuilder key = new StringBuilder(r.name());
        for (TrainingFace f : train) key.append('|').append(f.identity()).append('/').append(f.source());
        Path file = UnveilHome.dir().resolve("idgan").resolve("fid-" + dataset + "-" + train.size() + "-"
                + Integer.toHexString(key.toString().hashCode()) + ".json");
        try {
            if (Files.isRegularFile(file)) {
                Map<String, float[]> cached = Json.MAPPER.readValue(file.toFile(), CENTRES_TYPE);
                LOG.info("identity centres f_id: {} identities from {}", cached.size(), file);
                return cached;
            }
            Map<String, float[]> fresh = centres(base, r, train);
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Json.MAPPER.writeValue(tmp.toFile(), fresh);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("identity centre cache " + file, e);
        }
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, float[]>> CENTRES_TYPE =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    /** f_id (eq. 5): the mean R_h over each TRAIN identity's unaugmented faces, computed once before training. */
    static Map<String, float[]> centres(NDManager base, IdentityNet r, List<TrainingFace> train) {
        Map<String, double[]> sum = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        int bs = 16;
        for (int i = 0; i < train.size(); i += bs) {
            List<TrainingFace> part = train.subList(i, Math.min(train.size(), i + bs));
            try (NDManager m = base.newSubManager()) {
                List<float[]> planes = part.stream().map(f -> Tensors.chw(f.face())).toList();
                float[] h = r.features(Tensors.batch(m, planes, 3, Generator.SIZE)).high().toFloatArray();
                int d = h.length / part.size();
                for (int k = 0; k < part.size(); k++) {
                    double[] acc = sum.computeIfAbsent(part.get(k).identity(), x -> new double[d]);
                    for (int j = 0; j < d; j++) acc[j] += h[k * d + j];
                    count.merge(part.get(k).identity(), 1, Integer::sum);
                }
            }
        }
        Map<String, float[]> out = new HashMap<>();
        sum.forEach((id, acc) -> {
            float[] c = new float[acc.length];
            for (int j = 0; j < c.length; j++) c[j] = (float) (acc[j] / count.get(id));
            out.put(id, c);
        });
        LOG.info("identity centres f_id: {} identities", out.size());
        return out;
    }

    /** Where {@code --keep-snapshots} keeps the generator of a checkpoint, for weight averaging ({@code unveil models average}). */
    public static Path snapshot(Path out, int step) throws IOException {
        Path dir = out.resolve("snapshots");
        Files.createDirectories(dir);
        return dir.resolve(String.format(Locale.ROOT, "generator-%06d.bin", step));
    }

    private static void checkpoint(Path dir, int step, Generator g, Critic dg, Critic dl) throws IOException {
        Files.createDirectories(dir);
        save(g.params(), dir.resolve("generator.bin"));
        save(dg.params(), dir.resolve("critic-global.bin"));
        save(dl.params(), dir.resolve("critic-local.bin"));
        Files.writeString(dir.resolve("step.txt"), step + "\n");
    }

    /**
     * Starts from another run: its checkpoint folder (generator and both critics), or a generator weight file alone
     * (such as the committed one; the critics then start fresh). A plain generator initialises a mirror one.
     */
    static void initialise(Generator g, Critic dg, Critic dl, Path from, PrintStream progress) {
        boolean folder = Files.isDirectory(from);
        Path gen = folder ? from.resolve("generator.bin") : from;
        Path dir = folder ? from : from.toAbsolutePath().getParent();
        loadGenerator(g, gen);
        Path cg = dir.resolve("critic-global.bin"), cl = dir.resolve("critic-local.bin");
        if (Files.isRegularFile(cg) && Files.isRegularFile(cl)) {
            load(dg.params(), cg);
            load(dl.params(), cl);
            progress.println("initialised generator and critics from " + from);
        } else {
            progress.println("initialised the generator from " + gen + "; no critics beside it, they start fresh");
        }
    }

    static void loadGenerator(Generator g, Path file) {
        try {
            g.load(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load generator " + file, e);
        }
    }

    static void save(Params p, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
            p.save(out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void load(Params p, Path file) {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + file, e);
        }
    }

    /** A fixed validation sample (VALIDATION identities, fixed masks) for the training curve. */
    static final class Validation {
        private final List<float[]> faces = new ArrayList<>(), masks = new ArrayList<>();

        Validation(List<TrainingFace> val, long seed) {
            Random rnd = new Random(seed + 7);
            for (int i = 0; i < Math.min(48, val.size()); i++) {
                TrainingFace f = val.get((int) ((long) i * val.size() / Math.min(48, val.size())));
                faces.add(Tensors.chw(f.face()));
                masks.add(MaskSource.BLOCK_48.next(f, rnd));
            }
        }

        /**
         * Mean Euclidean distance between R_h of the repaired face and R_h of the ground truth (face-api's metric; same
         * identity below 0.6): what the identity loss is meant to shrink. {@code g == null} measures the white block.
         */
        double identityDistance(NDManager base, Generator g, IdentityNet r) {
            double sum = 0;
            for (int i = 0; i < faces.size(); i += 16) {
                int end = Math.min(faces.size(), i + 16);
                try (NDManager m = base.newSubManager()) {
                    NDArray y = Tensors.batch(m, faces.subList(i, end), 3, Generator.SIZE);
                    NDArray mk = Tensors.batch(m, masks.subList(i, end), 1, Generator.SIZE);
                    NDArray x = g == null ? y.mul(mk.neg().add(1)).add(mk) : g.inpaint(y, mk, false);
                    NDArray d = r.features(x).high().sub(r.features(y).high());
                    sum += d.square().sum(new int[] {1}).sqrt().sum().getFloat();
                }
            }
            return sum / faces.size();
        }

        double psnrHole(NDManager base, Generator g) {
            double se = 0;
            long n = 0;
            for (int i = 0; i < faces.size(); i += 16) {
                int end = Math.min(faces.size(), i + 16);
                try (NDManager m = base.newSubManager()) {
                    NDArray y = Tensors.batch(m, faces.subList(i, end), 3, Generator.SIZE);
                    NDArray mk = Tensors.batch(m, masks.subList(i, end), 1, Generator.SIZE);
                    float[] x = g.inpaint(y, mk, false).toFloatArray();
                    float[] yy = y.toFloatArray();
                    float[] mm = mk.toFloatArray();
                    int plane = Generator.SIZE * Generator.SIZE;
                    for (int k = 0; k < x.length; k++) {
                        int img = k / (3 * plane), pix = k % plane;
                        if (mm[img * plane + pix] > 0.5f) {
                            double d = Math.round(x[k] * 255) - Math.round(yy[k] * 255);
                            se += d * d;
                            n++;
                        }
                    }
                }
            }
            return 10 * Math.log10(255.0 * 255.0 / Math.max(se / Math.max(n, 1), 1e-10));
        }
    }

    /** Convenience for the grid of the last batch. */
    static RgbImage[] toImages(NDArray a) {
        return Tensors.images(a);
    }
}
