package io.unveil.detector;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.record.Box;
import io.unveil.detector.faceapi.FaceDetection;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import io.unveil.detector.faceapi.SsdMobilenetV1;
import io.unveil.detector.faceapi.TinyFaceDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * A face-api box detector ({@link FaceBoxDetector}: TinyFaceDetector or SSD-MobileNetV1) + FaceLandmark68Net as a
 * {@link FaceAnalyzer}, reproducing face-api's {@code detectAllFaces(img, options).withFaceLandmarks()}: detect, crop
 * each box (clipped to the image, floored) from the frame, run the landmark net on all crops in one batch, shift the
 * landmarks by the box origin. Frames whose longest side exceeds {@link #MAX_SIDE} are downscaled first and the results
 * scaled back. Thread-safe (calls are serialized; use one analyzer per thread for parallelism).
 */
public final class FaceApiAnalyzer implements FaceAnalyzer {
    /** Longest side analysed at full resolution; bigger frames are downscaled before detection. */
    public static final int MAX_SIDE = 2048;
    /** The model id of the default analyzer (TinyFaceDetector); {@link #model()} names the detector in use. */
    public static final String VERSION = "face-api-" + FaceApiModels.VERSION + "/tiny_face_detector+face_landmark_68";

    private final FaceBoxDetector detector;
    private final FaceLandmark68Net landmarkNet;

    public FaceApiAnalyzer(FaceBoxDetector detector, FaceLandmark68Net landmarkNet) {
        this.detector = detector;
        this.landmarkNet = landmarkNet;
    }

    /** Default weights (fetched on first use): TinyFaceDetector at input 416, score threshold 0.5. */
    public static FaceApiAnalyzer load() {
        return load(TinyFaceDetector.DEFAULT_INPUT_SIZE, TinyFaceDetector.DEFAULT_SCORE_THRESHOLD);
    }

    /** TinyFaceDetector at the given input size (a multiple of 32) and score threshold. */
    public static FaceApiAnalyzer load(int inputSize, float scoreThreshold) {
        return withLandmarks(TinyFaceDetector.load(inputSize, scoreThreshold));
    }

    /** TinyFaceDetector with the given landmark net (closed with the analyzer, and on a failure here). */
    public static FaceApiAnalyzer load(int inputSize, float scoreThreshold, FaceLandmark68Net landmarks) {
        return withLandmarks(() -> TinyFaceDetector.load(inputSize, scoreThreshold), landmarks);
    }

    /** SSD-MobileNetV1 with the given landmark net (closed with the analyzer, and on a failure here). */
    public static FaceApiAnalyzer loadSsd(float minConfidence, FaceLandmark68Net landmarks) {
        return withLandmarks(() -> SsdMobilenetV1.load(minConfidence, SsdMobilenetV1.DEFAULT_MAX_RESULTS), landmarks);
    }

    private static FaceApiAnalyzer withLandmarks(java.util.function.Supplier<FaceBoxDetector> detector, FaceLandmark68Net landmarks) {
        try {
            return new FaceApiAnalyzer(detector.get(), landmarks);
        } catch (RuntimeException e) {
            landmarks.close();
            throw e;
        }
    }

    /**
     * SSD-MobileNetV1 (input 512, at most {@value SsdMobilenetV1#DEFAULT_MAX_RESULTS} faces) with the given score
     * threshold: slower than TinyFaceDetector, better on small and occluded faces.
     */
    public static FaceApiAnalyzer loadSsd(float minConfidence) {
        return withLandmarks(SsdMobilenetV1.load(minConfidence, SsdMobilenetV1.DEFAULT_MAX_RESULTS));
    }

    private static FaceApiAnalyzer withLandmarks(FaceBoxDetector d) {
        try {
            return new FaceApiAnalyzer(d, FaceLandmark68Net.load());
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** e.g. {@value #VERSION}. */
    @Override
    public String model() {
        return "face-api-" + FaceApiModels.VERSION + "/" + detector.name() + "+" + landmarkNet.model();
    }

    @Override
    public synchronized List<DetectedFace> detect(RgbImage image) {
        int longest = Math.max(image.width(), image.height());
        double scale = 1.0;
        RgbImage work = image;
        if (longest > MAX_SIDE) {
            scale = (double) MAX_SIDE / longest;
            work = Images.resize(image, Math.max(1, (int) Math.round(image.width() * scale)),
                    Math.max(1, (int) Math.round(image.height() * scale)));
        }
        List<FaceDetection> dets = detector.detect(work);
        List<Box> boxes = new ArrayList<>(dets.size());
        for (FaceDetection d : dets) boxes.add(d.box());
        List<float[]> lms = landmarksFor(work, boxes);
        List<DetectedFace> out = new ArrayList<>();
        for (int i = 0; i < dets.size(); i++) {
            if (lms.get(i) == null) continue; // box entirely outside the frame: no crop, as face-api drops it
            Box b = dets.get(i).box();
            float[] pts = lms.get(i);
            if (scale != 1.0) {
                float inv = (float) (1.0 / scale);
                b = new Box(b.x() * inv, b.y() * inv, b.width() * inv, b.height() * inv);
                for (int k = 0; k < pts.length; k++) pts[k] *= inv;
            }
            out.add(new DetectedFace(b, dets.get(i).score(), pts));
        }
        return out;
    }

    /**
     * 68 landmarks (136 floats, frame pixels) for each given box, in one batch; null for a box with no pixel inside
     * the frame. The crop is the box clipped to the frame and floored, as face-api's {@code extractFaceTensors}; the
     * landmarks are shifted by the box's own origin (face-api's {@code extendWithFaceLandmarks}).
     */
    public synchronized List<float[]> landmarksFor(RgbImage frame, List<Box> boxes) {
        return landmarksFor(landmarkNet, frame, boxes);
    }

    /** {@link #landmarksFor(RgbImage, List)} with a given landmark net (not thread-safe, as the net). */
    public static List<float[]> landmarksFor(FaceLandmark68Net landmarkNet, RgbImage frame, List<Box> boxes) {
        List<RgbImage> crops = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            int[] r = faceApiCrop(boxes.get(i), frame.width(), frame.height());
            if (r == null) continue;
            crops.add(Images.crop(frame, r[0], r[1], r[2], r[3]));
            at.add(i);
        }
        List<float[]> lms = landmarkNet.landmarks(crops);
        List<float[]> out = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) out.add(null);
        for (int k = 0; k < at.size(); k++) {
            Box b = boxes.get(at.get(k));
            float[] pts = lms.get(k);
            // face-api shifts by the unclipped box origin; where the box starts outside the frame we shift by the crop
            // origin instead (the clipped x/y), which is where the crop actually starts
            float sx = Math.max(b.x(), 0f), sy = Math.max(b.y(), 0f);
            for (int p = 0; p < 68; p++) {
                pts[2 * p] += sx;
                pts[2 * p + 1] += sy;
            }
            out.set(at.get(k), pts);
        }
        return out;
    }

    /** {x, y, w, h} of face-api's clipAtImageBorders().floor(), or null when empty. */
    public static int[] faceApiCrop(Box b, int imgW, int imgH) {
        double x = Math.max(b.x(), 0), y = Math.max(b.y(), 0);
        double right = b.x() + b.width(), bottom = b.y() + b.height();
        double w = Math.min(right - x, imgW - x), h = Math.min(bottom - y, imgH - y);
        int fx = (int) Math.floor(x), fy = (int) Math.floor(y), fw = (int) Math.floor(w), fh = (int) Math.floor(h);
        if (fw <= 0 || fh <= 0) return null;
        // flooring x and w separately can reach one pixel past the border: clamp
        fw = Math.min(fw, imgW - fx);
        fh = Math.min(fh, imgH - fy);
        return fw > 0 && fh > 0 ? new int[]{fx, fy, fw, fh} : null;
    }

    @Override
    public synchronized void close() {
        detector.close();
        landmarkNet.close();
    }
}
