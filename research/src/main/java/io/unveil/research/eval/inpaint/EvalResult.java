package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;
import java.util.List;

/** Everything a report shows. {@code samples.get(row).get(col)}: col 0.. = methods in order (GT first). */
public record EvalResult(EvalOptions options, String faceLoader, String recognizer, int identities, int faces,
                         List<LoadedFaces.Failure> failures, int imagesTried, int pairs, int samePairs, int differentPairs,
                         boolean identityDisjoint, int droppedPairs, int probes, int galleryIdentities, List<String> guardNotes,
                         List<MethodResult> methods, List<List<RgbImage>> samples, double wallSeconds) {
}
