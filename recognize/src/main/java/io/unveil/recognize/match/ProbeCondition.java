package io.unveil.recognize.match;

import io.unveil.core.record.Face;
import io.unveil.core.record.OcclusionRegion;

/**
 * What the recognizer knows about how a probe was seen, from its face record: {@code condition} PLAIN (the occlusion
 * estimator found nothing), OCCLUDED (occluded, matched as seen: {@code recognize.read-raw-faces}, or the inpaint
 * role did not run) or REPAIRED (the inpaint role filled the occluded part: {@code Face.inpainted()}), and the
 * {@code region} the occlusion hides (null when plain or elsewhere), which picks the occlusion-matched centroid.
 */
public record ProbeCondition(Condition condition, OcclusionRegion region) {
    public static final ProbeCondition PLAIN = new ProbeCondition(Condition.PLAIN, null);

    /** The calibrated conditions: each has its own threshold for the same target false-accept rate. */
    public enum Condition {
        PLAIN, OCCLUDED, REPAIRED;

        /** Key in the calibration file: "plain", "occluded", "repaired". */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ProbeCondition {
        if (condition == null) throw new IllegalArgumentException("condition is required");
        if (condition == Condition.PLAIN && region != null) throw new IllegalArgumentException("a plain probe has no occluded region");
    }

    /** The condition of one face as the inpaint stage left it (a face without an occlusion estimate is plain). */
    public static ProbeCondition of(Face f) {
        if (f.inpainted()) return new ProbeCondition(Condition.REPAIRED, OcclusionRegion.of(f.occlusion()));
        if (f.occlusion() != null && f.occlusion().occluded()) return new ProbeCondition(Condition.OCCLUDED, OcclusionRegion.of(f.occlusion()));
        return PLAIN;
    }
}
