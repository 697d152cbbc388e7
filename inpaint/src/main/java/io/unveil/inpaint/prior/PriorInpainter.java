package io.unveil.inpaint.prior;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.FaceInpainter;
import io.unveil.inpaint.idgan.Tensors;
import java.util.ArrayList;
import java.util.List;

/**
 * The PCA face prior as a repair method of its own ({@code inpaint.generator=pca-prior}): each hole gets the model face
 * fitted to the visible pixels ({@link FacePrior#complete}); every other pixel is returned unchanged. No network, no
 * native memory: pure Java, ~ms per face.
 */
public final class PriorInpainter implements FaceInpainter {
    private final FacePrior prior;

    public PriorInpainter(FacePrior prior) {
        this.prior = prior;
    }

    public static PriorInpainter bundled() {
        return new PriorInpainter(FacePrior.bundled());
    }

    @Override
    public String model() {
        return prior.name() + " K" + prior.components() + " r" + prior.resolution();
    }

    @Override
    public List<RgbImage> repair(List<RgbImage> faces, List<float[]> masks) {
        if (faces.size() != masks.size()) throw new IllegalArgumentException(faces.size() + " faces but " + masks.size() + " masks");
        List<RgbImage> out = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            RgbImage in = faces.get(i);
            RgbImage f = in.width() == FacePrior.SIZE && in.height() == FacePrior.SIZE ? in : Images.resize(in, FacePrior.SIZE, FacePrior.SIZE);
            float[] m = masks.get(i);
            if (m.length != FacePrior.SIZE * FacePrior.SIZE) throw new IllegalArgumentException("mask " + i + " must have 128*128 values");
            RgbImage filled = Tensors.image(prior.fill(Tensors.chw(f), m), FacePrior.SIZE, FacePrior.SIZE);
            out.add(f == in ? keepKnown(in, filled, m) : Images.resize(filled, in.width(), in.height()));
        }
        return out;
    }

    /** Known pixels bit-exact from the input (the float round trip could move one by a unit). */
    private static RgbImage keepKnown(RgbImage in, RgbImage repaired, float[] mask) {
        byte[] d = repaired.data().clone();
        byte[] s = in.data();
        for (int p = 0; p < mask.length; p++)
            if (mask[p] <= 0.5f) {
                d[p * 3] = s[p * 3];
                d[p * 3 + 1] = s[p * 3 + 1];
                d[p * 3 + 2] = s[p * 3 + 2];
            }
        return new RgbImage(in.width(), in.height(), d);
    }

    @Override
    public void close() {
    }
}
