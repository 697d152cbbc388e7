package io.unveil.gallery.enroll;

import io.unveil.core.record.GalleryEntry;
import io.unveil.recognize.match.ThresholdSchedule;
import io.unveil.recognize.match.Vectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Other enrolled identities the recognizer could take an identity for: those whose centroid is at least the
 * recognizer's plain threshold (for the gallery's size) similar to its centroid, in the space the recognizer matches
 * in (centred on the calibration's {@code center}). Told with every enrollment, so the person enrolling sees a second
 * enrollment of someone already in the gallery, or a batch of the wrong person's photos, before the cameras start
 * naming one as the other. Measured with robust-v3 on 3-photo centroids of celeba-subset VALIDATION identities
 * (photos 1-3 against 4-6, 56 identities, eighth stop): the same person enrolled twice is flagged 96 % of the time at
 * the plain threshold (0.627), two different people 0.26 % of pairs (a new person in a gallery of 20 about 5 %).
 */
public final class SimilarIdentities {
    /** At most this many are told, most similar first. */
    public static final int MAX = 3;

    /** One identity the recognizer could confuse with the enrolled one, and how similar their centroids are. */
    public record Similar(String identityId, String name, float similarity) {
    }

    private final float[] center;
    private final ThresholdSchedule schedule;

    /** @param center the recognizer's centre (null: none); @param schedule its thresholds for the gallery's size */
    public SimilarIdentities(float[] center, ThresholdSchedule schedule) {
        if (schedule == null) throw new IllegalArgumentException("the recognizer's thresholds are required");
        this.center = center;
        this.schedule = schedule;
    }

    /** The plain threshold a gallery of {@code identities} is held to. */
    public float threshold(int identities) {
        return schedule.at(identities).plain();
    }

    /** The identities of {@code gallery} other than {@code entry} at or above the threshold, most similar first. */
    public List<Similar> of(GalleryEntry entry, Collection<GalleryEntry> gallery) {
        if (entry == null || entry.centroid() == null) return List.of();
        float t = threshold(gallery.size());
        float[] q = Vectors.centered(entry.centroid(), center);
        List<Similar> out = new ArrayList<>();
        for (GalleryEntry e : gallery) {
            if (e.id().equals(entry.id()) || e.centroid() == null || e.centroid().length != q.length) continue;
            float s = Vectors.dot(q, Vectors.centered(e.centroid(), center));
            if (s >= t) out.add(new Similar(e.id(), e.name(), s));
        }
        out.sort(Comparator.comparingDouble((Similar s) -> s.similarity()).reversed());
        return out.size() > MAX ? List.copyOf(out.subList(0, MAX)) : out;
    }
}
