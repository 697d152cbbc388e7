package io.unveil.inpaint.occlusion;

import io.unveil.core.image.RgbImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a grid of every occluder type on real dlib-aligned faces (visual check): args = output PNG. */
final class OccluderSamplesGrid {
    public static void main(String[] args) throws Exception {
        List<RgbImage> faces = TestFaces.dlibChips(20);
        if (faces.isEmpty()) faces = List.of(TestFaces.synthetic(0));
        float[] lm = MeanFace.landmarks128();
        Occluders occ = Occluders.standard().withPatches(new FacePatchSource(faces, faces.stream().map(f -> lm).toList()));
        List<RgbImage> tiles = new ArrayList<>();
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
