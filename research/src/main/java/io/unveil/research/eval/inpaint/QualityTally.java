package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;

/** Sums the image quality (and the structure metric, when measured) of one method's repaired faces. */
final class QualityTally {
    private double psnr, ssim, psnrHole, ssimHole, landmark;
    private int n, nHole, nLandmark;
    long repairNs;

    /** One repaired face against its truth; the hole terms only when the hole has pixels and windows. */
    void add(RgbImage truth, RgbImage fixed, boolean[] mask) {
        psnr += cap(ImageQuality.psnr(truth, fixed));
        double[] map = ImageQuality.ssimMap(truth, fixed);
        ssim += ImageQuality.meanOver(map, truth.width(), truth.height(), null);
        n++;
        double ph = ImageQuality.psnr(truth, fixed, mask);
        double sh = ImageQuality.meanOver(map, truth.width(), truth.height(), mask);
        if (!Double.isNaN(ph) && !Double.isNaN(sh)) {
            psnrHole += cap(ph);
            ssimHole += sh;
            nHole++;
        }
    }

    /** Structure-metric values ({@link FaceStructure#errors}); faces without a value (NaN) are not counted. */
    void addLandmarks(double[] errors) {
        for (double e : errors)
            if (!Double.isNaN(e)) {
                landmark += e;
                nLandmark++;
            }
    }

    double repairMsPerFace() {
        return repairNs / 1e6 / Math.max(1, n);
    }

    RepairQuality summary() {
        return new RepairQuality(n == 0 ? Double.NaN : psnr / n, n == 0 ? Double.NaN : ssim / n,
                nHole == 0 ? Double.NaN : psnrHole / nHole, nHole == 0 ? Double.NaN : ssimHole / nHole,
                nLandmark == 0 ? Double.NaN : landmark / nLandmark, nLandmark, n);
    }

    /** PSNR is averaged over faces; an exact copy (infinite PSNR) counts as 100 dB so one cannot swamp the mean. */
    private static double cap(double psnr) {
        return Math.min(psnr, 100);
    }
}
