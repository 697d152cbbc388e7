package io.unveil.gallery.enroll;

import java.util.List;

/**
 * Outcome of an enrollment request: the new centroid (null when no image was usable), how many descriptors it now
 * averages, how many this request added, their mean quality score, and what happened to each image.
 */
public record EnrollmentResult(float[] centroid, int count, int added, float meanQuality, List<ImageOutcome> images) {
    public boolean ok() {
        return centroid != null && added > 0;
    }
}
