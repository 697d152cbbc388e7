package io.unveil.inpaint.occlusion;

import io.unveil.core.image.RgbImage;
import io.unveil.core.record.OcclusionRegion;
import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Path2D;

/**
 * One fixed occluder per {@link OcclusionRegion}, drawn the same way every time (no random source): a pale-blue
 * medical mask from the nose bridge over the jaw for LOWER, dark sunglasses with a bridge for EYES. The gallery draws
 * them on every enrollment photo to store the occlusion-matched centroids; being deterministic, re-enrolling the same
 * photos gives the same centroids. Outlines are those of the research occluder library ({@link FaceOutlines}), at
 * their middle size.
 */
public final class SyntheticOccluder {
    /** A surgical mask's pale blue. */
    static final int MASK_RGB = 0x9cc3dc;
    /** Dark grey-brown lenses and a black frame. */
    static final int LENS_RGB = 0x1c1814, FRAME_RGB = 0x0c0c0c;

    /** The occluded face and the pixels it covers (1 = covered), row-major like the image. */
    public record Drawn(RgbImage image, byte[] mask) {
    }

    private SyntheticOccluder() {
    }

    /**
     * Draws the region's occluder on an aligned face.
     *
     * @param landmarks 68 (x, y) pairs in the face's pixels (e.g. {@code FaceAligner.alignedLandmarks(frame, CHIP_150)})
     */
    public static Drawn draw(RgbImage face, float[] landmarks, OcclusionRegion region) {
        Landmarks lm = new Landmarks(landmarks);
        double d = lm.eyeDistance();
        var toImage = lm.faceToImage();
        byte[] mask;
        RgbImage out;
        if (region == OcclusionRegion.LOWER) {
            Shape mask2d = toImage.createTransformedShape(FaceOutlines.lowerFace(lm, lm.local(28).y, 1.07));
            mask = Raster.rasterize(mask2d, face.width(), face.height());
            out = paint(face, mask, MASK_RGB);
        } else {
            FaceOutlines.Lenses lenses = FaceOutlines.lenses(lm, 1.8, 0.75, 0.05 * d, 0);
            Area frame = new Area(new BasicStroke((float) (0.05 * d)).createStrokedShape(lenses.area()));
            double barY = lm.local(39).y + 0.05 * d - 0.12 * d;
            Path2D.Double bridge = new Path2D.Double();
            bridge.moveTo(lm.local(39).x, barY);
            bridge.quadTo((lm.local(39).x + lm.local(42).x) / 2, barY - 0.08 * d, lm.local(42).x, barY);
            frame.add(new Area(new BasicStroke((float) (0.05 * d)).createStrokedShape(bridge)));
            byte[] lens = Raster.rasterize(toImage.createTransformedShape(lenses.area()), face.width(), face.height());
            byte[] rim = Raster.rasterize(toImage.createTransformedShape(frame), face.width(), face.height());
            out = paint(paint(face, lens, LENS_RGB), rim, FRAME_RGB);
            mask = new byte[lens.length];
            for (int i = 0; i < mask.length; i++) mask[i] = (byte) (lens[i] | rim[i]);
        }
        return new Drawn(out, mask);
    }

    /** The face with the masked pixels set to {@code rgb}, shaded by the face's own brightness so it keeps some relief. */
    private static RgbImage paint(RgbImage face, byte[] mask, int rgb) {
        byte[] px = face.data().clone();
        int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == 0) continue;
            int o = 3 * i;
            double lum = (0.3 * (px[o] & 0xff) + 0.59 * (px[o + 1] & 0xff) + 0.11 * (px[o + 2] & 0xff)) / 255;
            double shade = 0.8 + 0.3 * lum;
            px[o] = (byte) Math.min(255, (int) Math.round(r * shade));
            px[o + 1] = (byte) Math.min(255, (int) Math.round(g * shade));
            px[o + 2] = (byte) Math.min(255, (int) Math.round(b * shade));
        }
        return new RgbImage(face.width(), face.height(), px);
    }
}
