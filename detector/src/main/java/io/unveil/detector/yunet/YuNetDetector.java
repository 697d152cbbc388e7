package io.unveil.detector.yunet;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;

/**
 * YuNet (libfacedetection, Apache-2.0) through OpenCV's {@code FaceDetectorYN}: face boxes and five points (eye
 * centres, nose tip, mouth corners). The bundled model is {@value #BUNDLED} (provenance beside it). YuNet's files
 * have a fixed square input (OpenCV 4.13's ONNX importer rejects the dynamic-input ones: "parseShape:
 * !isDynamicShape"), so frames are letterboxed into it (scaled so the longest side fits, padded right/bottom). The
 * model is read from the jar into memory: nothing is downloaded or unpacked at run time.
 * OpenCV runs one thread ({@code cv::setNumThreads(1)}), the project's convention on 2 cores. Not thread-safe: calls
 * are serialized.
 */
public final class YuNetDetector implements AutoCloseable {
    public static final String BUNDLED = "yunet_n_320_320.onnx";
    static final String RESOURCE = "/io/unveil/detector/yunet/" + BUNDLED;
    public static final float DEFAULT_SCORE_THRESHOLD = 0.6f;
    /** OpenCV Zoo's NMS IoU for YuNet. */
    public static final float NMS_IOU = 0.3f;
    private static final int TOP_K = 5000;

    /** A face: box and score as the other detectors, plus the five points (x,y pairs, image pixels). */
    public record Face(Box box, float score, float[] points5) {
        /** Indices into {@link #points5} pairs, image-left eye first (the subject's right eye). */
        public static final int LEFT_EYE = 0, RIGHT_EYE = 1, NOSE = 2, MOUTH_LEFT = 3, MOUTH_RIGHT = 4;
    }

    private final FaceDetectorYN net;
    private final int inputSize;

    /**
     * @param onnx        the model bytes
     * @param inputSize   the model's square input side
     */
    public YuNetDetector(byte[] onnx, int inputSize, float scoreThreshold) {
        if (inputSize < 32 || inputSize % 32 != 0) throw new IllegalArgumentException("YuNet input size must be a multiple of 32, not " + inputSize);
        opencv_core.setNumThreads(1);
        this.inputSize = inputSize;
        this.net = FaceDetectorYN.create("onnx", onnx, new byte[0], new Size(inputSize, inputSize), scoreThreshold,
                NMS_IOU, TOP_K, 0, 0);
        if (net == null || net.isNull()) throw new IllegalStateException("OpenCV could not load the YuNet model");
    }

    /** The bundled model at the given score threshold. */
    public static YuNetDetector load(float scoreThreshold) {
        return new YuNetDetector(bundledBytes(), 320, scoreThreshold);
    }

    /** A model file named as libfacedetection names them, {@code yunet_<n|s>_<side>_<side>.onnx}. */
    public static YuNetDetector load(Path onnx, float scoreThreshold) {
        Matcher m = Pattern.compile(".*_(\\d+)_(\\d+)\\.onnx$").matcher(onnx.getFileName().toString());
        if (!m.matches() || !m.group(1).equals(m.group(2)))
            throw new IllegalArgumentException("expected a fixed square-input YuNet file (name ending _N_N.onnx), not " + onnx);
        try {
            return new YuNetDetector(Files.readAllBytes(onnx), Integer.parseInt(m.group(1)), scoreThreshold);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read YuNet model " + onnx, e);
        }
    }

    static byte[] bundledBytes() {
        try (InputStream in = YuNetDetector.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("bundled YuNet model missing: " + RESOURCE);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Faces in the image, best score first, boxes and points in image pixels. */
    public synchronized List<Face> detect(RgbImage image) {
        int longest = Math.max(image.width(), image.height());
        double scale = (double) inputSize / longest;
        int w = Math.max(1, Math.min(inputSize, (int) Math.round(image.width() * scale)));
        int h = Math.max(1, Math.min(inputSize, (int) Math.round(image.height() * scale)));
        RgbImage work = w == image.width() && h == image.height() ? image : Images.resize(image, w, h);
        List<Face> out = new ArrayList<>();
        try (Mat bgr = Images.toBgrMat(work); Mat faces = new Mat();
             Mat canvas = new Mat(inputSize, inputSize, CV_8UC3, new Scalar(0, 0, 0, 0));
             Rect r = new Rect(0, 0, w, h); Mat roi = canvas.apply(r)) {
            bgr.copyTo(roi);
            net.detect(canvas, faces);
            double sx = (double) image.width() / work.width(), sy = (double) image.height() / work.height();
            if (faces.rows() > 0) {
                try (FloatIndexer idx = faces.createIndexer()) {
                    for (int i = 0; i < faces.rows(); i++) {
                        Box b = new Box((float) (idx.get(i, 0) * sx), (float) (idx.get(i, 1) * sy),
                                (float) (idx.get(i, 2) * sx), (float) (idx.get(i, 3) * sy));
                        float[] p = new float[10];
                        for (int k = 0; k < 5; k++) {
                            p[2 * k] = (float) (idx.get(i, 4 + 2 * k) * sx);
                            p[2 * k + 1] = (float) (idx.get(i, 5 + 2 * k) * sy);
                        }
                        out.add(new Face(b, idx.get(i, 14), p));
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble((Face f) -> f.score()).reversed());
        return out;
    }

    @Override
    public synchronized void close() {
        net.close();
    }
}
