package io.unveil.research.eval.inpaint;

import io.unveil.research.data.LabeledImages;
import java.util.List;

/** Turns labelled images into aligned FACE_128 faces (detect + align, or resize of already aligned chips). */
public interface FaceLoader {
    LoadedFaces load(String setName, List<LabeledImages.Item> items, ProgressBar progress);

    /** Words for the report, e.g. "TinyFaceDetector + FaceLandmark68Net + FaceAligner FACE_128". */
    String describe();
}
