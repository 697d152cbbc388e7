package io.unveil.recognize.match;

import io.unveil.core.record.OcclusionRegion;

/**
 * Frames of one track per probe condition and occluded region, kept with the track: the fused embedding is matched
 * under the condition most of its frames had ({@link #majority}), so one frame the estimator calls occluded does not
 * switch a plain track to the occluded threshold. Public fields so the track state round-trips through JSON.
 */
public final class ConditionTally {
    /** Frames per {@link ProbeCondition.Condition} ordinal. */
    public int[] frames = new int[ProbeCondition.Condition.values().length];
    /** Occluded or repaired frames per {@link OcclusionRegion} ordinal. */
    public int[] regions = new int[OcclusionRegion.values().length];

    public void add(ProbeCondition c) {
        frames[c.condition().ordinal()]++;
        if (c.region() != null) regions[c.region().ordinal()]++;
    }

    /**
     * The condition of most frames ({@link #pick}; an empty tally is plain); for an occluded or repaired majority, the
     * region most of the occluded frames had (null when none of them had one).
     */
    public ProbeCondition majority() {
        ProbeCondition.Condition c = pick();
        if (c == ProbeCondition.Condition.PLAIN) return ProbeCondition.PLAIN;
        OcclusionRegion r = null;
        int best = 0;
        for (OcclusionRegion region : OcclusionRegion.values()) {
            if (regions[region.ordinal()] > best) {
                best = regions[region.ordinal()];
                r = region;
            }
        }
        return new ProbeCondition(c, r);
    }

    /** Plain unless occluded-or-repaired frames are the majority; then repaired when most of those were repaired. */
    private ProbeCondition.Condition pick() {
        int plain = frames[0], occluded = frames[1], repaired = frames[2];
        if (plain >= occluded + repaired) return ProbeCondition.Condition.PLAIN;
        return repaired >= occluded ? ProbeCondition.Condition.REPAIRED : ProbeCondition.Condition.OCCLUDED;
    }
}
