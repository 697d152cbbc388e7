package io.unveil.research.occluders;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.occlusion.FaceRegions;
import io.unveil.inpaint.occlusion.Raster;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Patches cut from the background of other aligned faces: squares in the image corners that lie entirely outside the
 * face (hull of the 68 landmarks, grown by a margin), i.e. hair, clothes, walls and scenery of other photos.
 */
public final class FacePatchSource implements PatchSource {
    private final List<RgbImage> patches;

    /** @param faces aligned faces; @param landmarks their landmarks (same order) */
    public FacePatchSource(List<RgbImage> faces, List<float[]> landmarks) {
        List<RgbImage> out = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            RgbImage f = faces.get(i);
            byte[] face = Raster.rasterize(java.awt.geom.AffineTransform.getTranslateInstance(0, 0)
                    .createTransformedShape(new FaceRegions(landmarks.get(i), f.width(), f.height())
                            .shape(FaceRegions.Region.FACE)), f.width(), f.height());
            int side = Math.max(12, f.width() / 5);
            int[][] corners = {{0, 0}, {f.width() - side, 0}, {0, f.height() - side}, {f.width() - side, f.height() - side}};
            for (int[] c : corners) {
                if (clear(face, f.width(), c[0], c[1], side, 3)) out.add(Images.crop(f, c[0], c[1], side, side));
            }
        }
        this.patches = List.copyOf(out);
    }

    private static boolean clear(byte[] face, int w, int x0, int y0, int side, int margin) {
        int h = face.length / w;
        for (int y = Math.max(0, y0 - margin); y < Math.min(h, y0 + side + margin); y++)
            for (int x = Math.max(0, x0 - margin); x < Math.min(w, x0 + side + margin); x++)
                if (face[y * w + x] != 0) return false;
        return true;
    }

    public int size() {
        return patches.size();
    }

    @Override
    public RgbImage patch(SplittableRandom rng) {
        return patches.isEmpty() ? null : patches.get(rng.nextInt(patches.size()));
    }
}
