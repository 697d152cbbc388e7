package io.unveil.research.eval.inpaint;

/**
 * Image quality of one method's repaired faces under one occlusion: mean PSNR / SSIM over the whole face and over the
 * hole, and the structure metric ({@link FaceStructure}: mean landmark error inside the hole in inter-ocular distances,
 * over the {@code landmarkFaces} faces whose hole holds a jaw, nose or mouth point; NaN when not measured).
 */
public record RepairQuality(double psnr, double ssim, double psnrHole, double ssimHole, double landmarkError, int landmarkFaces,
                            int faces) {
    public static final RepairQuality NONE = new RepairQuality(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
}
