package io.unveil.gallery.enroll;

import java.util.List;
import java.util.Map;

/**
 * Outcome of an enrollment request: the new centroid (null when no image was usable), how many descriptors it now
 * averages, how many this request added, their mean quality score, what happened to each image, and the
 * occlusion-matched centroids by region key (null when none were made; see {@code Enroller}).
 */
public record EnrollmentResult(float[] centroid, int count, int added, float meanQuality, List<ImageOutcome> images,
                               Map<String, float[]> occludedCentroids) {
    public EnrollmentResult(float[] centroid, int count, int added, float meanQuality, List<ImageOutcome> images) {
        this(centroid, count, added, meanQuality, images, null);
    }

    public boolean ok() {
        return centroid != null && added > 0;
    }
}
