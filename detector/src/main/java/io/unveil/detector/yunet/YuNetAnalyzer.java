package io.unveil.detector.yunet;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import java.util.ArrayList;
import java.util.List;

/**
 * YuNet boxes and five points + face-api's FaceLandmark68Net as a {@link FaceAnalyzer} ({@code detector.model=yunet}).
 * YuNet's box is first redrawn the way face-api's TinyFaceDetector draws a face ({@link #faceApiBox}), so the landmark
 * net gets the crop it was trained on and the quality gate's size, the tracker's IoU and the face records mean what
 * they mean with {@code detector.model=tiny}. The 68 landmarks come from the landmark net on that box and the stage
 * aligns from them as before. Under a mask the net still pulls the shape towards the mask's upper edge (alignment
 * error 0.11-0.17 inter-ocular distances on synthetically masked validation faces against 0.02 unmasked); aligning
 * from YuNet's own five points or eyes was measured worse (docs/evaluation.md, "Detection of masked faces").
 * The landmark net is the one {@code detector.landmarks} names (face-api's, or its fine-tune on masked faces: 0.14
 * instead of 0.20 under a medical mask, 0.039 instead of 0.032 on plain faces).
 * Thread-safe (calls are serialized).
 */
public final class YuNetAnalyzer implements FaceAnalyzer {
    /** With face-api's pretrained landmark net; another landmark net's name replaces the part after the '+'. */
    public static final String VERSION = "yunet-n-320/" + YuNetDetector.BUNDLED + "+" + FaceLandmark68Net.PRETRAINED;

    /**
     * A YuNet face, its box in face-api's convention, and the landmark net's 68 points on that box (null when the box
     * has no pixel inside the frame).
     */
    public record Analysis(YuNetDetector.Face face, Box box, float[] landmarks68) {
    }

    /**
     * TinyFaceDetector's box relative to YuNet's on the same face, mean over 60 photos of TRAIN identities of
     * celeba-subset: 1.311x as wide (sd 0.093), 0.925x as tall (sd 0.084), centre 0.019 widths left and 0.113 heights
     * lower. YuNet's box is tall and narrow (brow to chin), face-api's nearly square.
     */
    static final float WIDTH = 1.311f, HEIGHT = 0.925f, SHIFT_X = -0.019f, SHIFT_Y = 0.113f;

    private final YuNetDetector detector;
    private final FaceLandmark68Net landmarkNet;

    public YuNetAnalyzer(YuNetDetector detector, FaceLandmark68Net landmarkNet) {
        this.detector = detector;
        this.landmarkNet = landmarkNet;
    }

    /** The bundled YuNet model at this score threshold, face-api's pretrained landmark weights (fetched on first use). */
    public static YuNetAnalyzer load(float scoreThreshold) {
        YuNetDetector d = YuNetDetector.load(scoreThreshold);
        try {
            return new YuNetAnalyzer(d, FaceLandmark68Net.load());
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** The bundled YuNet model with the given landmark net (closed with the analyzer, and on a failure here). */
    public static YuNetAnalyzer load(float scoreThreshold, FaceLandmark68Net landmarks) {
        try {
            return new YuNetAnalyzer(YuNetDetector.load(scoreThreshold), landmarks);
        } catch (RuntimeException e) {
            landmarks.close();
            throw e;
        }
    }

    /** e.g. {@value #VERSION}: stamped on the faces the detect stage emits and logged at start-up. */
    @Override
    public String model() {
        return "yunet-n-320/" + YuNetDetector.BUNDLED + "+" + landmarkNet.model();
    }

    public synchronized List<Analysis> analyze(RgbImage image) {
        List<YuNetDetector.Face> faces = detector.detect(image);
        List<Box> boxes = new ArrayList<>(faces.size());
        for (YuNetDetector.Face f : faces) boxes.add(faceApiBox(f.box()));
        List<float[]> lms = FaceApiAnalyzer.landmarksFor(landmarkNet, image, boxes);
        List<Analysis> out = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) out.add(new Analysis(faces.get(i), boxes.get(i), lms.get(i)));
        return out;
    }

    /** YuNet's box redrawn as face-api's TinyFaceDetector draws the same face (constants above). */
    public static Box faceApiBox(Box yunet) {
        float w = yunet.width() * WIDTH, h = yunet.height() * HEIGHT;
        float cx = yunet.x() + yunet.width() * (0.5f + SHIFT_X), cy = yunet.y() + yunet.height() * (0.5f + SHIFT_Y);
        return new Box(cx - w / 2, cy - h / 2, w, h);
    }

    @Override
    public List<DetectedFace> detect(RgbImage image) {
        List<DetectedFace> out = new ArrayList<>();
        for (Analysis a : analyze(image)) {
            if (a.landmarks68() == null) continue;
            out.add(new DetectedFace(a.box(), a.face().score(), a.landmarks68()));
        }
        return out;
    }

    @Override
    public synchronized void close() {
        detector.close();
        landmarkNet.close();
    }
}
