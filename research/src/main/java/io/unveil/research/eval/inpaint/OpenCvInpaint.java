package io.unveil.research.eval.inpaint;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import org.bytedeco.opencv.global.opencv_photo;
import org.bytedeco.opencv.opencv_core.Mat;

/** OpenCV's classic inpainting (photo module): Telea's fast marching method or Navier-Stokes, radius 3 px. */
public final class OpenCvInpaint implements RepairMethod {
    public enum Algorithm { TELEA, NS }

    private final Algorithm algorithm;
    private final double radius;

    public OpenCvInpaint(Algorithm algorithm, double radius) {
        this.algorithm = algorithm;
        this.radius = radius;
    }

    @Override
    public String name() {
        return algorithm == Algorithm.TELEA ? "Telea" : "NS";
    }

    @Override
    public RgbImage repair(RgbImage truth, Occluded occ) {
        RgbImage img = occ.image();
        byte[] m = new byte[occ.mask().length];
        for (int i = 0; i < m.length; i++) m[i] = occ.mask()[i] ? (byte) 255 : 0;
        try (Mat src = Images.toBgrMat(img); Mat mask = new Mat(img.height(), img.width(), CV_8UC1); Mat dst = new Mat()) {
            mask.data().put(m);
            opencv_photo.inpaint(src, mask, dst, radius,
                    algorithm == Algorithm.TELEA ? opencv_photo.INPAINT_TELEA : opencv_photo.INPAINT_NS);
            return Images.fromBgrMat(dst);
        }
    }
}
