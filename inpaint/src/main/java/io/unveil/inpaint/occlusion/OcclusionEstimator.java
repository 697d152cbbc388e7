package io.unveil.inpaint.occlusion;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.Djl;
import io.unveil.core.model.NetworkWeights;
import io.unveil.inpaint.occlusion.FaceRegions.Region;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-pixel occlusion estimation on aligned 128x128 faces with {@link OcclusionNet}. Thread-safe (forward passes are
 * serialized). Inference runs outside any gradient collector.
 */
public final class OcclusionEstimator implements FaceOcclusionModel, AutoCloseable {
    /** Bundled weights, in the project's weight format ({@link io.unveil.core.model.WeightFile}; model card beside them). */
    public static final String RESOURCE = "/io/unveil/inpaint/occlusion/occlusion-unet.bin";
    public static final String MODEL = "occlusion-unet-v4";

    /**
     * Decision thresholds: a pixel is occluded when its probability is at least {@code pixel}, or at least
     * {@code pixelLow} and connected to such a pixel (hysteresis; {@code pixelLow >= pixel} turns it off); a face is
     * occluded when at least {@code faceRatio} of it, or {@code regionRatio} of its eyes, nose or mouth region, is.
     * {@code flipAverage}: the probability is the mean over the face and its mirror image (the mirror's map flipped
     * back), which evens out one-sided misses. {@code fillHoles}: visible pixels enclosed by the occluder are hidden
     * too, except around the eyes ({@link MaskCleanup}; needs the landmarks).
     */
    public record Options(float pixel, float faceRatio, float regionRatio, float pixelLow, boolean flipAverage,
                          boolean fillHoles) {
        /** The thresholds alone: no hysteresis, no mirror average, no hole filling. */
        public static final Options PLAIN = new Options(0.5f, 0.05f, 0.25f, 0.5f, false, false);
        /**
         * What the stage runs: mirror average, hysteresis down to 0.2 and hole filling, chosen on the tuning half of
         * the labelled real masked faces (model card).
         */
        public static final Options DEFAULT = PLAIN.withMask(0.2f, true, true);

        public Options(float pixel, float faceRatio, float regionRatio) {
            this(pixel, faceRatio, regionRatio, pixel, false, false);
        }

        public Options withMask(float pixelLow, boolean flipAverage, boolean fillHoles) {
            return new Options(pixel, faceRatio, regionRatio, pixelLow, flipAverage, fillHoles);
        }
    }

    private final NDManager manager;
    private final OcclusionNet net;
    private final Options options;
    private final String model;

    private OcclusionEstimator(NDManager manager, OcclusionNet net, Options options, String model) {
        this.manager = manager;
        this.net = net;
        this.options = options;
        this.model = model;
    }

    /** The bundled weights. */
    public static OcclusionEstimator load(Options options) {
        try (InputStream in = OcclusionEstimator.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("bundled occlusion weights missing: " + RESOURCE);
            return load(in, options, MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weights from a file in the project's weight format, e.g. a run of {@code unveil train occlusion}. */
    public static OcclusionEstimator load(Path weights, Options options) {
        try (InputStream in = Files.newInputStream(weights)) {
            return load(in, options, MODEL + "@" + weights.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read occlusion weights " + weights, e);
        }
    }

    static OcclusionEstimator load(InputStream in, Options options, String model) throws IOException {
        Djl.init();
        NDManager m = Engine.getEngine("PyTorch").newBaseManager(Device.cpu());
        try {
            OcclusionNet net = newNet(m);
            NetworkWeights.read(net, new BufferedInputStream(in));
            return new OcclusionEstimator(m, net, options, model);
        } catch (RuntimeException e) {
            m.close();
            throw new IOException("bad occlusion weights: " + e.getMessage(), e);
        } catch (IOException e) {
            m.close();
            throw e;
        }
    }

    /** A fresh, initialized network on the manager. */
    static OcclusionNet newNet(NDManager m) {
        OcclusionNet net = new OcclusionNet();
        net.setInitializer(new ai.djl.training.initializer.XavierInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
        net.initialize(m, DataType.FLOAT32, new Shape(1, 3, OcclusionNet.SIZE, OcclusionNet.SIZE));
        return net;
    }

    /** The weights' name, and the mask post-processing when it is not the plain threshold. */
    @Override
    public String model() {
        StringBuilder b = new StringBuilder(model);
        if (options.flipAverage()) b.append("+flip");
        if (options.pixelLow() < options.pixel()) b.append("+hyst").append(options.pixelLow());
        if (options.fillHoles()) b.append("+holes");
        return b.toString();
    }

    public Options options() {
        return options;
    }

    /** Per-pixel probabilities (N x 128*128) for a batch. */
    public synchronized float[][] probabilities(List<RgbImage> faces) {
        if (faces.isEmpty()) return new float[0][];
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = OcclusionTensors.images(sub, faces);
            if (options.flipAverage()) x = x.concat(x.flip(3), 0);
            NDArray logits = net.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow();
            NDArray p = logits.getNDArrayInternal().sigmoid();
            if (options.flipAverage()) {
                int n = faces.size();
                p = p.get("0:{}", n).add(p.get("{}:", n).flip(3)).mul(0.5f);
            }
            float[] all = p.toFloatArray();
            int plane = OcclusionNet.SIZE * OcclusionNet.SIZE;
            float[][] out = new float[faces.size()][];
            for (int n = 0; n < out.length; n++) out[n] = java.util.Arrays.copyOfRange(all, n * plane, (n + 1) * plane);
            return out;
        }
    }

    /**
     * Estimates occlusion for a batch of aligned faces.
     *
     * @param landmarks per face, 68 (x, y) pairs in the aligned face's pixels; an entry may be null (then the ratio
     *                  is over the whole image and region shares are 0)
     */
    @Override
    public List<OcclusionResult> estimate(List<RgbImage> faces, List<float[]> landmarks) {
        if (landmarks != null && landmarks.size() != faces.size())
            throw new IllegalArgumentException(faces.size() + " faces but " + landmarks.size() + " landmark sets");
        float[][] probs = probabilities(faces);
        List<OcclusionResult> out = new ArrayList<>(faces.size());
        for (int n = 0; n < probs.length; n++)
            out.add(summarize(probs[n], landmarks == null ? null : landmarks.get(n), options));
        return out;
    }

    public static OcclusionResult summarize(float[] prob, float[] lm, Options o) {
        int s = OcclusionNet.SIZE;
        byte[] mask = MaskCleanup.hysteresis(prob, o.pixel(), o.pixelLow(), s, s);
        if (o.fillHoles() && lm != null)
            MaskCleanup.fillEnclosedHoles(mask, new FaceRegions(lm, s, s).mask(Region.EYES), s, s);
        float ratio, eyes = 0, nose = 0, mouth = 0;
        if (lm != null) {
            FaceRegions r = new FaceRegions(lm, s, s);
            ratio = r.coverage(Region.FACE, mask);
            eyes = r.coverage(Region.EYES, mask);
            nose = r.coverage(Region.NOSE, mask);
            mouth = r.coverage(Region.MOUTH, mask);
        } else {
            int n = 0;
            for (byte b : mask) n += b;
            ratio = n / (float) mask.length;
        }
        boolean occluded = ratio >= o.faceRatio() || eyes >= o.regionRatio() || nose >= o.regionRatio()
                || mouth >= o.regionRatio();
        return new OcclusionResult(prob, mask, ratio, eyes, nose, mouth, occluded);
    }

    @Override
    public void close() {
        manager.close();
    }
}
