package io.unveil.recognize.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.recognize.Embedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The measurement plumbing with a stub chipper and embedder whose answers are known. */
class FaceVerificationTest {
    @Test
    void separableDescriptorsGivePerfectAccuracyAndFacelessPhotosAreCounted(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("file,identity\n");
        for (int id = 0; id < 20; id++) {
            for (int k = 0; k < 4; k++) {
                byte[] px = new byte[4 * 4 * 3];
                px[0] = (byte) id;                 // identity encoded in the first pixel
                px[1] = (byte) k;
                px[2] = (byte) (id == 3 && k == 0 ? 1 : 0); // one photo "without a face"
                String f = "p" + id + "_" + k + ".png";
                Files.write(dir.resolve(f), Images.encodePng(new RgbImage(4, 4, px)));
                csv.append(f).append(",person").append(id).append('\n');
            }
        }
        Files.writeString(dir.resolve("labels.csv"), csv);
        FaceChipper chipper = photo -> photo.data()[2] == 1 ? Optional.empty() : Optional.of(photo);
        Embedder embedder = new Embedder() {
            @Override
            public float[][] embed(List<RgbImage> chips) {
                float[][] out = new float[chips.size()][];
                for (int i = 0; i < out.length; i++) {
                    out[i] = new float[20];
                    out[i][chips.get(i).data()[0]] = 1f;                 // same identity -> distance ~0
                    out[i][(chips.get(i).data()[0] + 1) % 20] = 0.01f * chips.get(i).data()[1];
                }
                return out;
            }

            @Override
            public String modelVersion() {
                return "stub";
            }

            @Override
            public void close() {
            }
        };
        var o = new FaceVerification.Options(dir, "stub-set", List.of(FaceVerification.Subset.ALL), 10, 5, 3L, 0);
        FaceVerification.Result r = new FaceVerification(chipper, embedder).run(o, s -> { });
        assertEquals(80, r.images());
        assertEquals(79, r.faces());
        assertEquals(1, r.noFace());
        FaceVerification.SubsetResult all = r.subsets().get(0);
        assertEquals(20, all.identities());
        assertEquals(100, all.cv().pairs());
        assertEquals(1.0, all.cv().mean(), 1e-12);
        assertEquals(0.0, all.cv().std(), 1e-12);
    }
}
