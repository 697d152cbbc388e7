package io.unveil.research.eval.inpaint;

import io.unveil.core.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One batch of occluded faces repaired by one method, with its image quality (and structure metric) tallied. */
final class RepairBatch {
    private RepairBatch() {
    }

    /**
     * Repairs the faces {@code chunk} (indices into {@code faces}, holes from {@code holes}); when {@code q} is not null
     * adds the repair time, every face's quality and, with a {@code structure}, the landmark errors to it.
     */
    static List<RgbImage> run(RepairMethod m, List<Integer> chunk, List<EvalFace> faces, Map<Integer, Occluded> holes, QualityTally q,
                           FaceStructure structure) {
        List<RgbImage> truths = new ArrayList<>();
        List<Occluded> occs = new ArrayList<>();
        for (int i : chunk) {
            truths.add(faces.get(i).face128());
            occs.add(holes.get(i));
        }
        long a = System.nanoTime();
        List<RgbImage> repaired = m.repairAll(truths, occs);
        for (int k = 0; k < repaired.size(); k++) {
            RgbImage truth = truths.get(k), fixed = repaired.get(k);
            if (fixed.width() != truth.width() || fixed.height() != truth.height())
                throw new IllegalStateException(m.name() + " returned a " + fixed.width() + "x" + fixed.height() + " face");
        }
        if (q != null) {
            q.repairNs += System.nanoTime() - a;
            if (structure != null) q.addLandmarks(structure.errors(truths, repaired, occs.stream().map(Occluded::mask).toList()));
            for (int k = 0; k < repaired.size(); k++) q.add(truths.get(k), repaired.get(k), occs.get(k).mask());
        }
        return repaired;
    }
}
