package io.unveil.gallery.enroll;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.Quality;
import io.unveil.detector.DetectedFace;
import io.unveil.recognize.Embedder;
import io.unveil.detector.align.FaceChips;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns enrollment images into an identity centroid: detect, align the recognizer chip, quality-gate each image with a
 * reason (no face, several faces, tiny, blurry, profile), embed the survivors in one batch and take the robust mean.
 * With an existing entry, the new descriptors are merged into its centroid (adding images updates it).
 * Thread-safe when the analyzer and embedder are.
 */
public final class Enroller {
    private final FaceChips chips;
    private final Embedder embedder;
    private final EnrollmentPolicy policy;

    public Enroller(FaceChips chips, Embedder embedder, EnrollmentPolicy policy) {
        this.chips = chips;
        this.embedder = embedder;
        this.policy = policy;
    }

    public EnrollmentPolicy policy() {
        return policy;
    }

    public String modelVersion() {
        return embedder.modelVersion();
    }

    /** One image to enroll; {@code image} null means it could not be decoded ({@code decodeError} says why). */
    public record Input(String source, RgbImage image, String decodeError) {
    }

    /** A face that passed the gate, ready to embed. */
    public record Candidate(String source, RgbImage chip, Quality quality) {
    }

    /** Quality gate of one image; returns the candidate or adds the rejection to {@code outcomes}. */
    public Candidate gate(Input in, List<ImageOutcome> outcomes) {
        if (in.image() == null) {
            outcomes.add(ImageOutcome.rejected(in.source(), "not an image", in.decodeError(), null));
            return null;
        }
        RgbImage image = in.image();
        List<DetectedFace> faces = chips.detect(image);
        if (faces.isEmpty()) {
            // a tightly cropped portrait (ID photo) leaves the detector no margin: retry once with one
            image = Images.padReplicate(image, Math.max(image.width(), image.height()) / 4);
            faces = chips.detect(image);
        }
        if (faces.isEmpty()) {
            outcomes.add(ImageOutcome.rejected(in.source(), "no face", "no face was detected", null));
            return null;
        }
        List<DetectedFace> bySize = new ArrayList<>(faces);
        bySize.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
        DetectedFace face = bySize.get(0);
        if (bySize.size() > 1 && bySize.get(1).box().area() >= policy.severalFaces() * face.box().area()) {
            outcomes.add(ImageOutcome.rejected(in.source(), "several faces", bySize.size()
                    + " faces of similar size; use an image showing only the person to enroll", null));
            return null;
        }
        return gateFace(in.source(), image, face, outcomes);
    }

    /** Size, sharpness and pose gate of one chosen face. */
    public Candidate gateFace(String source, RgbImage image, DetectedFace face, List<ImageOutcome> outcomes) {
        RgbImage chip = chips.align(image, face);
        Quality q = FaceQuality.of(face.box(), face.landmarks(), chip);
        if (q.sizePx() < policy.minFacePx()) {
            outcomes.add(ImageOutcome.rejected(source, "tiny", String.format(Locale.ROOT,
                    "face is %.0f px, at least %.0f px needed", q.sizePx(), policy.minFacePx()), q));
            return null;
        }
        if (q.sharpness() < policy.minSharpness()) {
            outcomes.add(ImageOutcome.rejected(source, "blurry", String.format(Locale.ROOT,
                    "sharpness %.1f below %.1f", q.sharpness(), policy.minSharpness()), q));
            return null;
        }
        if (Math.abs(q.yawDeg()) > policy.maxYawDeg()) {
            outcomes.add(ImageOutcome.rejected(source, "profile", String.format(Locale.ROOT,
                    "head turned %.0f degrees, at most %.0f allowed", q.yawDeg(), policy.maxYawDeg()), q));
            return null;
        }
        return new Candidate(source, chip, q);
    }

    /**
     * A face that is already aligned (a FACE_128 image such as an event's thumbnail) as a candidate, ungated: the
     * detector finds no face in such a tight crop (the 6 demo thumbnails tried: none), and it needs none, since a
     * FACE_128 resized to 150x150 is a recognizer chip (AlignTarget). Size, blur and pose were gated by the camera
     * pipeline that made it; the photo gate's sharpness floor (20 on the chip) refused 3 of those 6 thumbnails, whose
     * upsampling to 150 px softens them. The outlier check of {@link #merge} still applies.
     */
    public Candidate gateAligned(Input in, List<ImageOutcome> outcomes) {
        if (in.image() == null) {
            outcomes.add(ImageOutcome.rejected(in.source(), "not an image", in.decodeError(), null));
            return null;
        }
        RgbImage chip = Images.resize(in.image(), 150, 150);
        float sharp = FaceQuality.sharpness(chip);
        return new Candidate(in.source(), chip, new Quality(in.image().width(), sharp, 0f, 0f, 0f, FaceQuality.clamp(sharp / 150f)));
    }

    /** {@link #prepare(List)} for aligned faces ({@link #gateAligned}). */
    public Prepared prepareAligned(List<Input> inputs) {
        List<ImageOutcome> outcomes = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Input in : inputs) {
            Candidate c = gateAligned(in, outcomes);
            if (c != null) candidates.add(c);
        }
        return prepare(candidates, outcomes);
    }

    /**
     * Gated and embedded faces of one request, not yet merged into an identity: the slow part of an enrollment, done
     * before the identity is locked so that concurrent requests on one identity only serialise the merge.
     */
    public record Prepared(List<Candidate> candidates, float[][] embeddings, List<ImageOutcome> outcomes) {
    }

    /** Enrolls images into a new identity ({@code existing} null) or into an existing one. */
    public EnrollmentResult enroll(List<Input> inputs, GalleryEntry existing) {
        return merge(prepare(inputs), existing);
    }

    /** Quality gate and embedding of each image. */
    public Prepared prepare(List<Input> inputs) {
        if (inputs.size() > policy.maxImages())
            throw new IllegalArgumentException("at most " + policy.maxImages() + " images per request, got " + inputs.size());
        List<ImageOutcome> outcomes = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Input in : inputs) {
            Candidate c = gate(in, outcomes);
            if (c != null) candidates.add(c);
        }
        return prepare(candidates, outcomes);
    }

    /** Embeds gated candidates (outcomes so far are carried along). */
    public Prepared prepare(List<Candidate> candidates, List<ImageOutcome> outcomes) {
        float[][] emb = candidates.isEmpty() ? new float[0][]
                : embedder.embed(candidates.stream().map(Candidate::chip).toList());
        return new Prepared(List.copyOf(candidates), emb, List.copyOf(outcomes));
    }

    public EnrollmentResult embedAndMerge(List<Candidate> candidates, List<ImageOutcome> outcomes, GalleryEntry existing) {
        return merge(prepare(candidates, outcomes), existing);
    }

    /** Merges prepared descriptors into {@code existing} (null: a new identity); cheap, no model call. */
    public EnrollmentResult merge(Prepared p, GalleryEntry existing) {
        List<Candidate> candidates = p.candidates();
        List<ImageOutcome> outcomes = new ArrayList<>(p.outcomes());
        if (candidates.isEmpty()) {
            return new EnrollmentResult(existing == null ? null : existing.centroid(), existing == null ? 0 : existing.count(),
                    0, existing == null ? 0f : existing.meanQuality(), outcomes);
        }
        float[][] emb = p.embeddings();
        RobustMean.Result r = RobustMean.of(List.of(emb), policy.outlierCos(), policy.trimFraction(),
                existing == null ? null : existing.centroid(), existing == null ? 0 : existing.count());
        double qSum = existing == null ? 0 : (double) existing.meanQuality() * existing.count();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (r.dropped()[i] == null) {
                qSum += c.quality().score();
                outcomes.add(new ImageOutcome(c.source(), "accepted", null, null, c.quality()));
            } else {
                outcomes.add(new ImageOutcome(c.source(), "outlier", r.dropped()[i], String.format(Locale.ROOT,
                        "cosine %.3f to the identity's centroid (bound %.2f)", r.similarity()[i], policy.outlierCos()), c.quality()));
            }
        }
        float meanQ = r.count() == 0 ? 0f : (float) (qSum / r.count());
        return new EnrollmentResult(r.centroid(), r.count(), r.kept().size(), meanQ, outcomes);
    }
}
