package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;
import io.unveil.recognize.Embedder;
import java.util.List;

/**
 * A method's row scored by another recognizer ({@code eval --also-recognizer robust}): the same repairs of the same
 * holes on the same pairs, embedded by {@code recognizer}, against that recognizer's descriptors of the clean faces.
 * Its difference to OCC (face-api's occluded row) and its recovered share then measure recognizer and repair together
 * against the drop the occluder costs face-api, with the same paired bootstrap. Closing it closes neither the wrapped
 * method nor the recognizer (their owners do).
 */
public final class OtherRecognizer implements RepairMethod {
    private final RepairMethod method;
    private final Embedder recognizer;
    private final String label;

    public OtherRecognizer(RepairMethod method, Embedder recognizer, String label) {
        this.method = method;
        this.recognizer = recognizer;
        this.label = label;
    }

    @Override
    public String name() {
        return label + ":" + method.name();
    }

    @Override
    public boolean groundTruth() {
        return method.groundTruth();
    }

    @Override
    public Embedder recognizer() {
        return recognizer;
    }

    @Override
    public RgbImage repair(RgbImage truth, Occluded occluded) {
        return method.repair(truth, occluded);
    }

    @Override
    public List<RgbImage> repairAll(List<RgbImage> truths, List<Occluded> occluded) {
        return method.repairAll(truths, occluded);
    }

    @Override
    public String source() {
        return method.source() + " scored by " + recognizer.modelVersion();
    }
}
