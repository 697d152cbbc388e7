package io.unveil.research.occluders;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.occlusion.MeanFace;
import io.unveil.research.data.TestFaces;
import io.unveil.research.train.occlusion.Grids;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a grid of occluders on real dlib-aligned faces (visual check). Args: output PNG, then optionally one
 * {@link OccluderType}: without it every type 6 times (image + mask), with it 48 seeds of that type (images only; e.g.
 * {@code docs/img/occluder-cloth-masks.png} = CLOTH_MASK).
 */
final class OccluderSamplesGrid {
    public static void main(String[] args) throws Exception {
        List<RgbImage> faces = TestFaces.dlibChips(20);
        if (faces.isEmpty()) faces = List.of(TestFaces.synthetic(0));
        float[] lm = MeanFace.landmarks128();
        Occluders occ = Occluders.standard().withPatches(new FacePatchSource(faces, faces.stream().map(f -> lm).toList()));
        List<RgbImage> tiles = new ArrayList<>();
        if (args.length > 1) {
            OccluderType only = OccluderType.valueOf(args[1]);
            for (int k = 0; k < 48; k++)
                tiles.add(io.unveil.core.image.Images.resize(occ.draw(faces.get(k % faces.size()), lm, only, k).image(), 96, 96));
            Grids.write(Path.of(args[0]), tiles, 12);
            return;
        }
        int n = 0;
        for (OccluderType t : OccluderType.values())
            for (int k = 0; k < 6; k++) {
                Occluded o = occ.draw(faces.get(n++ % faces.size()), lm, t, k);
                tiles.add(io.unveil.core.image.Images.resize(o.image(), 80, 80));
                tiles.add(io.unveil.core.image.Images.resize(Grids.grey(o.mask(), 128, 128), 80, 80));
            }
        Grids.write(Path.of(args[0]), tiles, 12);
    }
}
