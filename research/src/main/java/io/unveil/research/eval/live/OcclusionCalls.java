package io.unveil.research.eval.live;

import java.util.List;
import java.util.Locale;

/**
 * What the occlusion estimator said about the faces of a live test, from {@code unveil.faces.repaired}: on segments
 * shown plain, the faces it called occluded (and the inpaint role repaired) are its false positives, e.g. a microphone
 * held in front of a mouth, a beard or a shadow; on segments shown with an occluder, the faces it called occluded are
 * its hits. Faces in the blank gaps are left out. All zero when the inpaint role did not run.
 *
 * @param plainFaces     faces of plain segments the estimator saw
 * @param plainOccluded  of those, the ones it called occluded
 * @param plainInpainted of those, the ones the inpaint role repaired
 * @param plainSegments  plain segments with at least one face seen, and those with at least one called occluded
 */
public record OcclusionCalls(int plainFaces, int plainOccluded, int plainInpainted, int plainSegments, int plainSegmentsFlagged,
                             int occludedFaces, int occludedCalled) {

    public static OcclusionCalls of(List<Segment> segments, List<LiveRecording.Estimate> estimates, long originMs, double fps) {
        int pf = 0, po = 0, pi = 0, of = 0, oc = 0;
        int[] seen = new int[segments.size()], flagged = new int[segments.size()];
        for (LiveRecording.Estimate e : estimates) {
            int s = SegmentScorer.segmentAt(segments, SegmentScorer.frameOf(e.captureTimeMs(), originMs, fps));
            if (s < 0) continue;
            if (segments.get(s).occluded()) {
                of++;
                if (e.occluded()) oc++;
                continue;
            }
            pf++;
            seen[s]++;
            if (e.occluded()) {
                po++;
                flagged[s]++;
            }
            if (e.inpainted()) pi++;
        }
        int ps = 0, psf = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (seen[i] > 0) ps++;
            if (flagged[i] > 0) psf++;
        }
        return new OcclusionCalls(pf, po, pi, ps, psf, of, oc);
    }

    /** Share of plain faces called occluded (NaN without plain faces). */
    public double falsePositiveRate() {
        return plainFaces == 0 ? Double.NaN : plainOccluded / (double) plainFaces;
    }

    /** Share of faces shown with an occluder that the estimator called occluded (NaN without any). */
    public double hitRate() {
        return occludedFaces == 0 ? Double.NaN : occludedCalled / (double) occludedFaces;
    }

    public String markdown() {
        if (plainFaces + occludedFaces == 0) return "Occlusion estimator: no face on unveil.faces.repaired (the inpaint role did not run).\n";
        return String.format(Locale.ROOT, "Occlusion estimator on unveil.faces.repaired: plain faces called occluded %s (inpainted %d; "
                        + "plain segments with such a face %d/%d); faces shown with an occluder called occluded %s.%n",
                LiveTable.share(plainOccluded, plainFaces), plainInpainted, plainSegmentsFlagged, plainSegments, LiveTable.share(occludedCalled, occludedFaces));
    }
}
