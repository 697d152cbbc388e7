package io.unveil.inpaint.idgan;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.eval.Occluded;
import io.unveil.inpaint.eval.RepairMethod;
import java.util.List;

/** The ID-GAN generator as a method of the inpainting evaluation (row "ID-GAN"). */
public final class IdGanRepair implements RepairMethod {
    private final Inpainter inpainter;
    private final String name;

    public IdGanRepair(Inpainter inpainter, String name) {
        this.inpainter = inpainter;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RgbImage repair(RgbImage truth, Occluded occluded) {
        float[] m = new float[occluded.mask().length];
        for (int i = 0; i < m.length; i++) m[i] = occluded.mask()[i] ? 1f : 0f;
        return inpainter.repair(List.of(occluded.image()), List.of(m)).get(0);
    }

    @Override
    public String source() {
        return inpainter.model();
    }

    @Override
    public void close() {
        inpainter.close();
    }
}
