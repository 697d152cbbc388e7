package io.unveil.research.bench;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.Alignment;
import io.unveil.detector.align.FaceAligner;
import io.unveil.detector.align.FaceChips;
import io.unveil.research.data.LabeledImages;
import io.unveil.research.data.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Real faces for the benchmarks: the first photos of distinct celeba-subset identities from {@code ../shared/data},
 * with the detector's largest face, its 68 landmarks and the FACE_128 / CHIP_150 alignments.
 */
public final class RealFaces {
    /** One photo with its largest detected face. */
    public record Sample(Path file, String identity, RgbImage photo, DetectedFace face, Alignment face128, Alignment chip150) {
    }

    private RealFaces() {
    }

    /** The data set, or empty (benchmarks then skip the real-face measures with a message). */
    public static Optional<Path> celeba() {
        return SharedData.set("celeba-subset");
    }

    /** Up to {@code count} samples, one photo per identity, skipping photos where no face is found. */
    public static List<Sample> load(Path set, int count, FaceApiAnalyzer analyzer) {
        List<Sample> out = new ArrayList<>();
        var byId = LabeledImages.load(set).byIdentity();
        for (var e : byId.entrySet()) {
            if (out.size() >= count) break;
            for (Path file : e.getValue()) {
                RgbImage photo = Images.read(file);
                DetectedFace best = FaceChips.largestFace(analyzer.detect(photo));
                if (best == null) continue;
                out.add(new Sample(file, e.getKey(), photo, best, FaceAligner.align(photo, best.landmarks(), AlignTarget.FACE_128),
                        FaceAligner.align(photo, best.landmarks(), AlignTarget.CHIP_150)));
                break;
            }
        }
        return out;
    }

    /** Photos laid out in a grid of {@code cols x rows} cells on a grey {@code width x height} frame, each scaled to fit its cell. */
    public static RgbImage mosaic(List<RgbImage> photos, int width, int height, int cols, int rows) {
        byte[] px = new byte[width * height * 3];
        java.util.Arrays.fill(px, (byte) 96);
        int cw = width / cols, ch = height / rows;
        for (int i = 0; i < Math.min(photos.size(), cols * rows); i++) {
            RgbImage p = photos.get(i);
            double s = Math.min(cw / (double) p.width(), ch / (double) p.height());
            int w = Math.max(2, (int) (p.width() * s)), h = Math.max(2, (int) (p.height() * s));
            RgbImage r = Images.resize(p, w, h);
            int ox = (i % cols) * cw + (cw - w) / 2, oy = (i / cols) * ch + (ch - h) / 2;
            paste(r, px, width, ox, oy);
        }
        return new RgbImage(width, height, px);
    }

    /** Copies {@code src} into an RGB buffer of width {@code dstWidth} at (ox, oy), clipped to the buffer. */
    public static void paste(RgbImage src, byte[] dst, int dstWidth, int ox, int oy) {
        int dstHeight = dst.length / 3 / dstWidth;
        for (int y = 0; y < src.height(); y++) {
            int ty = oy + y;
            if (ty < 0 || ty >= dstHeight) continue;
            for (int x = 0; x < src.width(); x++) {
                int tx = ox + x;
                if (tx < 0 || tx >= dstWidth) continue;
                System.arraycopy(src.data(), (y * src.width() + x) * 3, dst, (ty * dstWidth + tx) * 3, 3);
            }
        }
    }
}
