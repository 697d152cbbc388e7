package io.unveil.recognize.faceapi;

import ai.djl.Device;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.Djl;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.model.WeightFile;
import io.unveil.core.model.WeightManifest;
import io.unveil.recognize.Embedder;
import java.nio.file.Path;
import java.util.List;

/**
 * face-api's 128-D face recognizer (dlib ResNet-29) on DJL/PyTorch. Thread-safe: the frozen weights are shared, each
 * call works in its own NDManager. Chips go through face-api's exact preprocessing ({@link FaceApiPreprocessor}) and
 * are embedded in batches of at most {@link #MAX_BATCH}, one forward pass per batch. The parameters never require
 * gradients, so {@link #embed} builds no autograd graph even when called on a thread inside a GradientCollector.
 *
 * <p>For ID-GAN's loss, {@link #features(NDArray)} is the differentiable path: gradients flow to the input, none to
 * the recognizer's weights.
 */
public final class FaceApiEmbedder implements Embedder {
    public static final int MAX_BATCH = 32;
    public static final String MANIFEST = "model/face_recognition_model-weights_manifest.json";

    private final NDManager manager;
    private final FaceRecognitionNet net;
    private final String version;
    private final NDArray mean;
    private volatile boolean closed;

    private FaceApiEmbedder(NDManager manager, FaceRecognitionNet net, String version) {
        this.manager = manager;
        this.net = net;
        this.version = version;
        this.mean = manager.create(FaceApiPreprocessor.MEAN_RGB, new Shape(1, 3, 1, 1));
    }

    /** Loads the weights from the default model cache (fetching them with npm on first use). */
    public static FaceApiEmbedder load() {
        return load(FaceApiModels.ensureDefault());
    }

    public static FaceApiEmbedder load(FaceApiModels models) {
        return load(models.file(MANIFEST), "face-api@" + FaceApiModels.VERSION + "/face_recognition_model sha256:"
                + models.expectedChecksums().get("model/face_recognition_model.bin").substring(0, 12));
    }

    /** Loads from a manifest (its .bin beside it); {@code version} goes into {@link #modelVersion()}. */
    public static FaceApiEmbedder load(Path manifest, String version) {
        return load(manifest, version, List.of());
    }

    /**
     * Loads face-api's weights from a manifest and adds a fine-tuning {@code delta} ({@link FaceRecognitionNet#addDelta}):
     * how the occlusion-robust recognizer ({@link RobustRecognizer}) is built.
     */
    public static FaceApiEmbedder load(Path manifest, String version, List<WeightFile.Tensor> delta) {
        Djl.init();
        var weights = WeightManifest.load(manifest);
        NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        try {
            FaceRecognitionNet net = new FaceRecognitionNet();
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, FaceRecognitionNet.INPUT_SIZE, FaceRecognitionNet.INPUT_SIZE));
            net.loadWeights(weights);
            if (!delta.isEmpty()) net.addDelta(delta);
            return new FaceApiEmbedder(manager, net, version + " pad-square+bilinear150");
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public float[][] embed(List<RgbImage> chips) {
        return embed(chips, MAX_BATCH);
    }

    /** As {@link #embed(List)} with chunks of at most {@code maxBatch} chips per forward pass. */
    float[][] embed(List<RgbImage> chips, int maxBatch) {
        ensureOpen();
        int n = chips.size();
        float[][] out = new float[n][];
        int per = 3 * FaceApiPreprocessor.PLANE;
        for (int start = 0; start < n; start += maxBatch) {
            int b = Math.min(maxBatch, n - start);
            float[] buf = new float[b * per];
            for (int i = 0; i < b; i++) {
                RgbImage chip = chips.get(start + i);
                if (chip == null) throw new IllegalArgumentException("chip " + (start + i) + " is null");
                FaceApiPreprocessor.toInput(chip, buf, i * per);
            }
            try (NDManager m = manager.newSubManager()) {
                NDArray x = m.create(buf, new Shape(b, 3, FaceApiPreprocessor.SIZE, FaceApiPreprocessor.SIZE));
                float[] flat = forward(m, x).get(0).toFloatArray();
                for (int i = 0; i < b; i++) {
                    float[] d = new float[FaceRecognitionNet.DESCRIPTOR_SIZE];
                    System.arraycopy(flat, i * d.length, d, 0, d.length);
                    out[start + i] = d;
                }
            }
        }
        return out;
    }

    /** One chip. */
    public float[] embed(RgbImage chip) {
        return embed(List.of(chip))[0];
    }

    /**
     * Differentiable recognizer features for ID-GAN: {@code rgb} is {@code (N,3,H,W)} float RGB with values in
     * <b>[0,255]</b> (from a generator output {@code y} in [-1,1] pass {@code y.add(1).mul(127.5)}), an aligned face
     * (FACE_128 or CHIP_150 geometry). Resized to 150x150 inside the graph when needed (bilinear, align_corners=false,
     * no square padding: the input should be square), normalised as face-api ({@code (x - mean)/255}), then run
     * through the frozen net. Results live on the input's manager; inside a GradientCollector the gradient reaches
     * {@code rgb} and never the recognizer's weights.
     */
    public RecognizerFeatures features(NDArray rgb) {
        ensureOpen();
        long[] s = rgb.getShape().getShape();
        if (s.length != 4 || s[1] != 3) throw new IllegalArgumentException("features expects (N,3,H,W) RGB, got " + rgb.getShape());
        NDArray x = rgb.getDataType() == DataType.FLOAT32 ? rgb : rgb.toType(DataType.FLOAT32, false);
        int size = FaceRecognitionNet.INPUT_SIZE;
        if (s[2] != size || s[3] != size) {
            NDArray nhwc = x.transpose(0, 2, 3, 1);
            x = NDImageUtils.resize(nhwc, size, size, Image.Interpolation.BILINEAR).transpose(0, 3, 1, 2);
        }
        x = x.sub(mean.toDevice(x.getDevice(), false)).div(255f);
        NDList out = forward(x.getManager(), x);
        return new RecognizerFeatures(out.get(1), out.get(0));
    }

    private NDList forward(NDManager m, NDArray x) {
        return net.forward(new ParameterStore(m, false), new NDList(x), false);
    }

    /** The underlying DJL block (frozen). */
    public FaceRecognitionNet network() {
        return net;
    }

    @Override
    public String modelVersion() {
        return version;
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("FaceApiEmbedder is closed");
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        manager.close();
    }
}
