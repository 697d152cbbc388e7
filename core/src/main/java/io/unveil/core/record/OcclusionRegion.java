package io.unveil.core.record;

import java.util.Locale;

/**
 * The part of a face an occluder hides, as far as matching cares: the lower face (medical or cloth mask, scarf, hand
 * over the mouth) or the eyes (sunglasses, hat brim). The gallery stores one extra centroid per region (enrollment
 * photos with a synthetic occluder there) and the recognizer compares a probe against the one its estimated occlusion
 * names ({@link #of}).
 */
public enum OcclusionRegion {
    LOWER, EYES;

    /**
     * A region share at or above this makes a face occluded there: the occlusion estimator's own region rule
     * ({@code OcclusionEstimator.Options.PLAIN.regionRatio}, 0.25), repeated here because core cannot see the inpaint module.
     */
    public static final float REGION_SHARE = 0.25f;

    /** Key of the region in {@link GalleryEntry#occludedCentroids()} and calibration files: "lower" or "eyes". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OcclusionRegion ofKey(String key) {
        for (OcclusionRegion r : values()) if (r.key().equals(key)) return r;
        throw new IllegalArgumentException("unknown occlusion region '" + key + "' (lower or eyes)");
    }

    /**
     * The region an estimated occlusion hides, or null for a face that is not occluded in one of them (plain, or
     * occluded elsewhere: the cheek, the forehead). Eyes win when both are covered above the share, as the larger share.
     */
    public static OcclusionRegion of(Occlusion o) {
        if (o == null || !o.occluded()) return null;
        float lower = Math.max(o.nose(), o.mouth());
        if (o.eyes() >= REGION_SHARE && o.eyes() >= lower) return EYES;
        if (lower >= REGION_SHARE) return LOWER;
        if (o.eyes() >= REGION_SHARE) return EYES;
        return null;
    }
}
