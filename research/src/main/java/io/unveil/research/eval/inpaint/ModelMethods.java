package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;
import io.unveil.inpaint.FaceInpainter;
import io.unveil.inpaint.idgan.Inpainter;
import io.unveil.inpaint.prior.FacePrior;
import io.unveil.inpaint.prior.PriorInpainter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Trained inpainting generators as evaluation methods: an ID-GAN generator file, or the committed one, on the CPU. */
public final class ModelMethods {
    private ModelMethods() {
    }

    /** The card of the committed generator, read from the class path beside it. */
    public static final String SHIPPED_CARD = "/io/unveil/inpaint/idgan/MODEL_CARD.md";

    public static RepairMethod open(String name, Path model) {
        return wrap(name, Inpainter.load(model, "cpu"), model.toString());
    }

    /** The committed generator ({@link Inpainter#RESOURCE}), as the inpaint stage serves it. */
    public static RepairMethod shipped(String name) {
        return wrap(name, Inpainter.load("cpu"), "committed " + Inpainter.RESOURCE);
    }

    /** The prior-input generator ({@link Inpainter#PRIOR_RESOURCE}), as the inpaint stage serves it by default. */
    public static RepairMethod served(String name) {
        return wrap(name, Inpainter.loadServed("cpu", false), "committed " + Inpainter.PRIOR_RESOURCE);
    }

    public static ModelCard shippedCard() {
        return ModelCard.resource(Inpainter.class, SHIPPED_CARD);
    }

    /** The card of the committed face prior. */
    public static final String PRIOR_CARD = "/io/unveil/inpaint/prior/MODEL_CARD.md";

    /** The committed PCA face prior alone ({@link PriorInpainter}), as {@code inpaint.generator=pca-prior} serves it. */
    public static RepairMethod prior(String name) {
        return wrap(name, PriorInpainter.bundled(), "committed " + FacePrior.RESOURCE);
    }

    public static ModelCard priorCard() {
        return ModelCard.resource(FacePrior.class, PRIOR_CARD);
    }

    private static RepairMethod wrap(String name, FaceInpainter inpainter, String from) {
        return new RepairMethod() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RgbImage repair(RgbImage truth, Occluded occluded) {
                return repairAll(List.of(truth), List.of(occluded)).get(0);
            }

            @Override
            public List<RgbImage> repairAll(List<RgbImage> truths, List<Occluded> occluded) {
                List<RgbImage> in = new ArrayList<>();
                List<float[]> masks = new ArrayList<>();
                for (Occluded o : occluded) {
                    in.add(o.image());
                    float[] m = new float[o.mask().length];
                    for (int i = 0; i < m.length; i++) m[i] = o.mask()[i] ? 1f : 0f;
                    masks.add(m);
                }
                return inpainter.repair(in, masks);
            }

            @Override
            public String source() {
                return from + " (" + inpainter.model() + ")";
            }

            @Override
            public void close() {
                inpainter.close();
            }
        };
    }
}
