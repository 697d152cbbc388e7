package io.unveil.gallery.enroll;

import io.unveil.core.record.Quality;

/**
 * What happened to one enrollment image. {@code status}: accepted, rejected (quality gate or unreadable) or outlier
 * (its descriptor disagreed with the others). {@code reason} is one of: not an image, no face, several faces, tiny,
 * blurry, profile, outlier, trimmed (null when accepted), with details.
 */
public record ImageOutcome(String source, String status, String reason, String detail, Quality quality) {
    public static ImageOutcome rejected(String source, String reason, String detail, Quality q) {
        return new ImageOutcome(source, "rejected", reason, detail, q);
    }

    public boolean accepted() {
        return "accepted".equals(status);
    }
}
