package io.unveil.gallery.enroll;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.GalleryEntry;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.align.FaceChips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Enrollment from a short video clip: samples frames, follows the one face of the clip (the largest face at first,
 * then the face overlapping it most in the next sampled frame), quality-gates those frames and enrolls the best ones.
 * A clip in which the followed face is lost keeps only the frames before that. A frame the enrollment detector finds
 * no face in is given to the enroller's fallback detector ({@code gallery.fallback-detector}), as a photo is.
 */
public final class ClipEnroller {
    private final Enroller enroller;
    private final FaceChips chips;
    private final int maxSampled;
    private final int bestFrames;
    private final double maxSeconds;
    private final long maxClipPixels;

    /** A clip whose declared frame size times the frames to sample is over the pixel budget (nothing decoded). */
    public static final class ClipTooLargeException extends IllegalArgumentException {
        public ClipTooLargeException(String m) {
            super(m);
        }
    }

    /** Default budget of decoded pixels per clip: 40 sampled 1280x720 frames are 37 MP, 40 at 8192x8192 are 2.7 GP. */
    public static final long DEFAULT_MAX_CLIP_PIXELS = 64_000_000L;

    public ClipEnroller(Enroller enroller, FaceChips chips, int maxSampled, int bestFrames, double maxSeconds) {
        this(enroller, chips, maxSampled, bestFrames, maxSeconds, DEFAULT_MAX_CLIP_PIXELS);
    }

    /** @param maxClipPixels sampled frames x frame pixels one clip may decode (checked from the stream header) */
    public ClipEnroller(Enroller enroller, FaceChips chips, int maxSampled, int bestFrames, double maxSeconds, long maxClipPixels) {
        this.maxClipPixels = maxClipPixels;
        this.enroller = enroller;
        this.chips = chips;
        this.maxSampled = maxSampled;
        this.bestFrames = bestFrames;
        this.maxSeconds = maxSeconds;
    }

    public EnrollmentResult enroll(Path clip, GalleryEntry existing) {
        return enroller.merge(prepare(clip), existing);
    }

    /** Samples, follows, gates and embeds the clip's best frames; {@link Enroller#merge} adds them to an identity. */
    public Enroller.Prepared prepare(Path clip) {
        List<RgbImage> frames = sample(clip);
        List<ImageOutcome> outcomes = new ArrayList<>();
        List<Enroller.Candidate> candidates = new ArrayList<>();
        DetectedFace followed = null;
        for (int i = 0; i < frames.size(); i++) {
            RgbImage f = frames.get(i);
            String src = "frame " + i;
            FaceChips by = chips;
            List<DetectedFace> faces = chips.detect(f);
            if (faces.isEmpty() && enroller.fallback() != null) {
                // as for a photo: the enrollment detector (TinyFaceDetector by default) misses faces YuNet finds
                by = enroller.fallback();
                faces = by.detect(f);
            }
            if (faces.isEmpty()) {
                outcomes.add(ImageOutcome.rejected(src, "no face", "no face was detected", null));
                continue;
            }
            DetectedFace next;
            if (followed == null) {
                next = FaceChips.largestFace(faces);
            } else {
                DetectedFace prev = followed;
                next = faces.stream().max(Comparator.comparingDouble(d -> d.box().iou(prev.box()))).orElseThrow();
                if (next.box().iou(prev.box()) < 0.2f) {
                    outcomes.add(ImageOutcome.rejected(src, "no face", "the followed face was lost", null));
                    continue;
                }
            }
            followed = next;
            Enroller.Candidate c = enroller.gateFace(src, f, next, outcomes, by);
            if (c != null) candidates.add(c);
        }
        candidates.sort(Comparator.comparingDouble((Enroller.Candidate c) -> c.quality().score()).reversed());
        List<Enroller.Candidate> best = candidates.subList(0, Math.min(bestFrames, candidates.size()));
        for (Enroller.Candidate c : candidates.subList(best.size(), candidates.size()))
            outcomes.add(new ImageOutcome(c.source(), "rejected", "not among the best frames", null, c.quality()));
        return enroller.prepare(new ArrayList<>(best), outcomes);
    }

    /** Evenly spaced frames of the first {@code maxSeconds} of the clip, at most {@code maxSampled}. */
    List<RgbImage> sample(Path clip) {
        List<RgbImage> out = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toString());
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.start();
            double fps = g.getFrameRate() > 0 ? g.getFrameRate() : 25;
            int total = g.getLengthInVideoFrames() > 0 ? g.getLengthInVideoFrames() : (int) (fps * maxSeconds);
            int usable = (int) Math.min(total, fps * maxSeconds);
            int step = Math.max(1, usable / maxSampled);
            long frames = Math.min(maxSampled, (usable + step - 1) / step);
            long w = g.getImageWidth(), h = g.getImageHeight();
            if (w <= 0 || h <= 0) throw new IllegalArgumentException("the clip declares no frame size");
            if (w * h * Math.max(1, frames) > maxClipPixels)
                throw new ClipTooLargeException("the clip's frames are " + w + "x" + h + "; sampling " + frames
                        + " of them needs " + (w * h * frames) + " pixels, at most " + maxClipPixels
                        + " per clip (send a shorter or smaller clip)");
            for (int i = 0; i < usable && out.size() < maxSampled; i++) {
                org.bytedeco.javacv.Frame f = g.grabImage();
                if (f == null) break;
                if (i % step != 0) continue;
                Mat m = conv.convert(f);
                if (m == null || m.empty()) continue;
                out.add(Images.fromBgrMat(m));
            }
            g.stop();
        } catch (FrameGrabber.Exception e) {
            throw new IllegalArgumentException("not a readable video clip: " + String.valueOf(e.getMessage()).replace(clip.toString(), "the clip"), e);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("the clip has no decodable video frames");
        return out;
    }
}
