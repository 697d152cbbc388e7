package io.unveil.detector.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeadPoseTest {
    /** Projects the 3D model turned by (yaw, pitch, roll) into a 640x480 camera 1 m away; returns 68 landmarks. */
    static float[] project(double yawDeg, double pitchDeg, double rollDeg) {
        double y = Math.toRadians(yawDeg), p = Math.toRadians(pitchDeg), r = Math.toRadians(rollDeg);
        float[] lm = new float[136];
        for (int k = 0; k < HeadPose.POINTS.length; k++) {
            // model: x right, y up, z towards the camera; camera: x right, y down, z away
            double X = HeadPose.MODEL[k][0], Y = HeadPose.MODEL[k][1], Z = HeadPose.MODEL[k][2];
            // yaw about the vertical axis: + turns the face to the image's right
            double x1 = X * Math.cos(y) + Z * Math.sin(y), z1 = -X * Math.sin(y) + Z * Math.cos(y);
            // pitch about the horizontal axis: + looks up
            double y2 = Y * Math.cos(p) + z1 * Math.sin(p), z2 = -Y * Math.sin(p) + z1 * Math.cos(p);
            // roll in the image plane: + clockwise on screen
            double x3 = x1 * Math.cos(r) + y2 * Math.sin(r), y3 = -x1 * Math.sin(r) + y2 * Math.cos(r);
            double cx = x3, cy = -y3, cz = 1000 - z2;
            lm[2 * HeadPose.POINTS[k]] = (float) (320 + 640 * cx / cz);
            lm[2 * HeadPose.POINTS[k] + 1] = (float) (240 + 640 * cy / cz);
        }
        return lm;
    }

    @Test
    void frontalFaceIsNearZero() {
        HeadPose.Angles a = HeadPose.estimate(project(0, 0, 0), 640, 480);
        assertEquals(0, a.yaw(), 2);
        assertEquals(0, a.pitch(), 2);
        assertEquals(0, a.roll(), 2);
    }

    @Test
    void recoversKnownRotations() {
        for (double yaw : new double[]{-40, -20, 20, 40}) {
            HeadPose.Angles a = HeadPose.estimate(project(yaw, 0, 0), 640, 480);
            assertEquals(yaw, a.yaw(), 5, "yaw " + yaw + " -> " + a);
            assertEquals(0, a.pitch(), 5, "yaw " + yaw + " -> " + a);
        }
        for (double pitch : new double[]{-25, 25}) {
            HeadPose.Angles a = HeadPose.estimate(project(0, pitch, 0), 640, 480);
            assertEquals(pitch, a.pitch(), 5, "pitch " + pitch + " -> " + a);
        }
        HeadPose.Angles a = HeadPose.estimate(project(0, 0, 15), 640, 480);
        assertEquals(15, a.roll(), 5, "roll -> " + a);
        // combined turns: yaw and pitch (what the gate uses) survive; roll follows another Euler order
        HeadPose.Angles c = HeadPose.estimate(project(35, 15, -10), 640, 480);
        assertEquals(35, c.yaw(), 6, "combined -> " + c);
        assertEquals(15, c.pitch(), 6, "combined -> " + c);
    }
}
