package io.unveil.research.train.recognizer;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.Alignment;
import io.unveil.detector.align.FaceAligner;
import io.unveil.detector.yunet.YuNetAnalyzer;
import io.unveil.research.data.AlignedFace;
import io.unveil.research.eval.detection.DetectionEvaluation;
import io.unveil.research.eval.detection.OccludedPhoto;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.train.landmarks.LandmarkFace;
import io.unveil.research.train.occlusion.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Occluded faces as the live pipeline sees them. The synthetic occluders of {@link StudentBatches} are drawn on a face
 * aligned from its unmasked landmarks, but live the landmarks are found on the masked face, and under a mask the
 * 68-point net squeezes the face towards the mask's upper edge (alignment error 0.17 inter-ocular distances with a
 * medical mask against 0.02 plain: docs/evaluation.md): the recognizer meets a shifted, rescaled face it never saw in
 * training. Here the occluder is drawn into the photo ({@link OccludedPhoto}), YuNet and the landmark net find the face
 * again, and it is aligned from those landmarks, exactly as the detect stage does; the target face is the same photo
 * clean, aligned from its unmasked landmarks. Each re-aligned face is cached as a PNG (an empty {@code .none} file when
 * the occluded face was not found again), so a resumed run or a second run reuses them.
 */
final class RealignedFaces {
    /** A re-aligned occluded face and the index of its clean counterpart in {@link Pool#clean}. */
    record Probe(RgbImage face, int clean, OccluderType type) {
    }

    record Pool(List<AlignedFace> clean, List<Probe> probes) {
    }

    private RealignedFaces() {
    }

    static Pool build(List<LandmarkFace> photos, OccluderType[] types, YuNetAnalyzer analyzer, long seed, Path cache,
                      PrintStream console) throws IOException {
        Files.createDirectories(cache);
        List<AlignedFace> clean = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        int lost = 0;
        Progress bar = new Progress(console, photos.size(), 0);
        for (int i = 0; i < photos.size(); i++) {
            LandmarkFace p = photos.get(i);
            Alignment al = FaceAligner.align(p.photo(), p.truth(), AlignTarget.FACE_128);
            int idx = clean.size();
            clean.add(new AlignedFace(al.image(), al.alignedLandmarks(), p.identity(), p.file()));
            for (OccluderType t : types) {
                String stem = p.file().replaceAll("[^A-Za-z0-9]", "_") + "-" + t.name().toLowerCase() + "-" + seed;
                Path png = cache.resolve(stem + ".png"), none = cache.resolve(stem + ".none");
                if (Files.exists(none)) {
                    lost++;
                    continue;
                }
                RgbImage face;
                if (Files.exists(png)) {
                    face = Images.read(png);
                } else {
                    long s = seed * 1_000_003L + 31L * p.file().hashCode() + t.ordinal();
                    face = realign(OccludedPhoto.draw(p.photo(), p.truth(), t, s), p.truth(), analyzer);
                    if (face == null) {
                        Files.createFile(none);
                        lost++;
                        continue;
                    }
                    Files.write(png, Images.encodePng(face));
                }
                probes.add(new Probe(face, idx, t));
            }
            bar.update(i + 1, "occluded photos re-aligned as the detect stage does");
        }
        bar.newline();
        console.printf("re-aligned occluded faces: %d of %d photos x %d occluders (%d not found again)%n",
                probes.size(), photos.size(), types.length, lost);
        return new Pool(clean, probes);
    }

    /** The detect stage's view of the occluded photo: its face that matches the original, aligned from its own landmarks. */
    static RgbImage realign(RgbImage occludedPhoto, float[] truth, YuNetAnalyzer analyzer) {
        YuNetAnalyzer.Analysis a = DetectionEvaluation.matched(analyzer.analyze(occludedPhoto), truth);
        if (a == null || a.landmarks68() == null) return null;
        return FaceAligner.align(occludedPhoto, a.landmarks68(), AlignTarget.FACE_128).image();
    }
}
