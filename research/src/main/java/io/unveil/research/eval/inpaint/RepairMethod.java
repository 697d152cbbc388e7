package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;

/** A way of repairing an occluded aligned face, compared side by side in the evaluation. */
public interface RepairMethod extends AutoCloseable {
    /** Row label in the report (GT, OCC, Telea, NS, ID-GAN, ...). */
    String name();

    /**
     * @param truth    the unoccluded face (only the GT method may look at it)
     * @param occluded the occluded face with its hole mask
     * @return the face the recognizer will see, same size as the input
     */
    RgbImage repair(RgbImage truth, Occluded occluded);

    /** Repairs a batch (one forward pass for generators); the default repairs face by face. */
    default java.util.List<RgbImage> repairAll(java.util.List<RgbImage> truths, java.util.List<Occluded> occluded) {
        java.util.List<RgbImage> out = new java.util.ArrayList<>(truths.size());
        for (int i = 0; i < truths.size(); i++) out.add(repair(truths.get(i), occluded.get(i)));
        return out;
    }

    /** True for the unoccluded reference (its "repair" is the clean face). */
    default boolean groundTruth() {
        return name().equals("GT");
    }

    /** The recognizer that scores this row; null: the evaluation's own (see {@link OtherRecognizer}). */
    default io.unveil.recognize.Embedder recognizer() {
        return null;
    }

    /** Where the method comes from: "built-in" or the model file. */
    default String source() {
        return "built-in";
    }

    @Override
    default void close() {
    }
}
