package io.unveil.research.eval.live;

import io.unveil.core.image.RgbImage;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.stage.AlignedCropper;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.detector.stage.FaceAssessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a segment put no face on {@code unveil.faces}: the run's detector and quality gate (the same {@link FaceAssessor}
 * the detect stage uses, with the run's settings) on the segment's middle frame as the camera showed it. A segment is
 * "no face detected", "small" (the face box's shorter side under {@code detector.min-face-px}), "blurry", "pose" (yaw or
 * pitch beyond the gate), or "passed here" (the middle frame passes: the miss was on the frames around it).
 */
public final class MissedFaces {
    private MissedFaces() {
    }

    /** Segment index -> reason with the measurement behind it, for each segment that gave the faces topic nothing. */
    static Map<Integer, String> reasons(List<SegmentResult> segments, List<RgbImage> shown, FaceAnalyzer analyzer, DetectorConfig config) {
        Map<Integer, String> out = new LinkedHashMap<>();
        FaceAssessor assessor = new FaceAssessor(config, AlignedCropper.INSTANCE);
        for (SegmentResult r : segments) {
            if (r.faces() > 0) continue;
            int i = r.segment().index();
            RgbImage frame = LiveVideo.frame(LiveVideo.fit(shown.get(i)), 0.5);
            out.put(i, reason(frame, analyzer, assessor));
        }
        return out;
    }

    static String reason(RgbImage frame, FaceAnalyzer analyzer, FaceAssessor assessor) {
        DetectedFace best = null;
        for (DetectedFace f : analyzer.detect(frame)) if (best == null || f.box().area() > best.box().area()) best = f;
        if (best == null) return "no face detected";
        FaceAssessor.Assessment a = assessor.assess(frame, best);
        float side = Math.min(best.box().width(), best.box().height());
        if (a.quality() == null) return String.format(Locale.ROOT, "%s (face %.0f px)", a.reject(), side);
        String measured = String.format(Locale.ROOT, "face %.0f px, yaw %.0f, pitch %.0f, sharpness %.0f", side, a.quality().yawDeg(),
                a.quality().pitchDeg(), a.quality().sharpness());
        return (a.passed() ? "passed here" : a.reject()) + " (" + measured + ")";
    }

    /** "no face detected 3, small 5, pose 1" from the reasons. */
    static String summary(Map<Integer, String> reasons) {
        Map<String, Integer> n = new TreeMap<>();
        for (String r : reasons.values()) {
            int p = r.indexOf(" (");
            n.merge(p < 0 ? r : r.substring(0, p), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        n.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return b.toString();
    }
}
