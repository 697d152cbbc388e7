package io.unveil.detector.quality;

import static org.bytedeco.opencv.global.opencv_calib3d.RQDecomp3x3;
import static org.bytedeco.opencv.global.opencv_calib3d.Rodrigues;
import static org.bytedeco.opencv.global.opencv_calib3d.SOLVEPNP_ITERATIVE;
import static org.bytedeco.opencv.global.opencv_calib3d.solvePnP;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point3d;

/**
 * Head pose from 68 landmarks: six points (nose tip, chin, outer eye corners, mouth corners) are fitted with
 * {@code solvePnP} to a generic 3D face (millimetres), camera focal length = frame width, no distortion. Angles in
 * degrees: yaw (+ = turned to the image's right), pitch (+ = looking up), roll (in-plane, + = clockwise).
 * An approximation good to ~10 degrees, enough to gate profile faces.
 */
public final class HeadPose {
    /** Landmark indices and the matching 3D model points (x right, y up, z towards the camera). */
    static final int[] POINTS = {30, 8, 36, 45, 48, 54};
    static final double[][] MODEL = {
            {0, 0, 0}, {0, -330, -65}, {-225, 170, -135}, {225, 170, -135}, {-150, -150, -125}, {150, -150, -125}};

    private HeadPose() {
    }

    public record Angles(double yaw, double pitch, double roll) {
    }

    public static Angles estimate(float[] landmarks, int frameWidth, int frameHeight) {
        if (landmarks == null || landmarks.length != 136) throw new IllegalArgumentException("need 68 landmarks");
        try (Mat obj = new Mat(POINTS.length, 3, CV_64F); Mat img = new Mat(POINTS.length, 2, CV_64F);
             Mat cam = new Mat(3, 3, CV_64F); Mat dist = Mat.zeros(4, 1, CV_64F).asMat();
             Mat rvec = new Mat(); Mat tvec = new Mat(); Mat rot = new Mat(); Mat r = new Mat(); Mat q = new Mat()) {
            try (DoubleIndexer o = obj.createIndexer(); DoubleIndexer i = img.createIndexer(); DoubleIndexer c = cam.createIndexer()) {
                for (int k = 0; k < POINTS.length; k++) {
                    // image y grows downwards, the model's y upwards: flip the model so the solution is near identity
                    o.put(k, 0, MODEL[k][0]);
                    o.put(k, 1, -MODEL[k][1]);
                    o.put(k, 2, -MODEL[k][2]);
                    i.put(k, 0, landmarks[2 * POINTS[k]]);
                    i.put(k, 1, landmarks[2 * POINTS[k] + 1]);
                }
                double f = frameWidth;
                c.put(0, 0, f);
                c.put(0, 1, 0);
                c.put(0, 2, frameWidth / 2.0);
                c.put(1, 0, 0);
                c.put(1, 1, f);
                c.put(1, 2, frameHeight / 2.0);
                c.put(2, 0, 0);
                c.put(2, 1, 0);
                c.put(2, 2, 1);
            }
            // start from a frontal face at the distance its eye-corner span implies, so the iterative solver does not
            // fall into the mirrored (upside-down) solution
            double ex = landmarks[2 * 45] - landmarks[2 * 36], ey = landmarks[2 * 45 + 1] - landmarks[2 * 36 + 1];
            double span = Math.max(1, Math.hypot(ex, ey));
            double z = frameWidth * 450.0 / span;
            rvec.create(3, 1, CV_64F);
            tvec.create(3, 1, CV_64F);
            try (DoubleIndexer rv = rvec.createIndexer(); DoubleIndexer t = tvec.createIndexer()) {
                rv.put(0, 0);
                rv.put(1, 0);
                rv.put(2, 0);
                t.put(0, (landmarks[60] - frameWidth / 2.0) * z / frameWidth);
                t.put(1, (landmarks[61] - frameHeight / 2.0) * z / frameWidth);
                t.put(2, z);
            }
            if (!solvePnP(obj, img, cam, dist, rvec, tvec, true, SOLVEPNP_ITERATIVE))
                return new Angles(Double.NaN, Double.NaN, Double.NaN);
            Rodrigues(rvec, rot);
            Point3d e = RQDecomp3x3(rot, r, q);
            // rotations about x (pitch), y (yaw), z (roll) in the flipped frame (x right, y down, z away)
            return new Angles(-e.y(), -e.x(), e.z());
        }
    }
}
