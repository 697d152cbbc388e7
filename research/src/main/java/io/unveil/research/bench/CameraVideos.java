package io.unveil.research.bench;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.detector.DetectedFace;
import io.unveil.ingest.VideoFileWriter;
import io.unveil.research.occluders.OccluderType;
import io.unveil.research.occluders.Occluders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A 640x480 camera video of real people: each celeba-subset photo is shown for a few seconds (one track each), drifting
 * slowly; every other person wears a synthetic occluder drawn by {@link Occluders} around the detected landmarks.
 */
public final class CameraVideos {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    static final OccluderType[] OCCLUDERS = {OccluderType.MEDICAL_MASK, OccluderType.SUNGLASSES, OccluderType.SCARF, OccluderType.HAND};

    private CameraVideos() {
    }

    /** Photos with the face region occluded for every other sample (share = occluded / all). */
    public static List<RgbImage> people(List<RealFaces.Sample> samples, double occludedShare) {
        List<RgbImage> out = new ArrayList<>();
        int occluded = 0;
        for (int i = 0; i < samples.size(); i++) {
            RealFaces.Sample s = samples.get(i);
            boolean occlude = occluded < Math.round(occludedShare * (i + 1));
            if (occlude) occluded++;
            out.add(occlude ? occlude(s, OCCLUDERS[i % OCCLUDERS.length], i) : s.photo());
        }
        return out;
    }

    /** The photo with an occluder drawn on a square crop around the face (the occluders are sized to the crop). */
    static RgbImage occlude(RealFaces.Sample s, OccluderType type, long seed) {
        return occludeAround(s.photo(), s.face(), (crop, lm) -> Occluders.apply(crop, lm, type, seed).image());
    }

    /**
     * The photo with {@code draw} applied to a square crop of 1.5 face widths around the detected face, the landmarks
     * moved into the crop's pixels: occluders are drawn in the face frame and sized to the crop they are given.
     */
    public static RgbImage occludeAround(RgbImage p, DetectedFace face, BiFunction<RgbImage, float[], RgbImage> draw) {
        var b = face.box();
        int side = (int) Math.min(Math.min(p.width(), p.height()), Math.max(b.width(), b.height()) * 1.5);
        int cx = (int) (b.x() + b.width() / 2), cy = (int) (b.y() + b.height() / 2);
        int x0 = Math.max(0, Math.min(p.width() - side, cx - side / 2)), y0 = Math.max(0, Math.min(p.height() - side, cy - side / 2));
        RgbImage crop = Images.crop(p, x0, y0, side, side);
        float[] lm = face.landmarks().clone();
        for (int k = 0; k < lm.length; k += 2) {
            lm[k] -= x0;
            lm[k + 1] -= y0;
        }
        RgbImage occ = draw.apply(crop, lm);
        byte[] px = p.data().clone();
        RealFaces.paste(occ, px, p.width(), x0, y0);
        return new RgbImage(p.width(), p.height(), px);
    }

    /** Writes {@code seconds} of video at {@code fps}, {@code perPerson} seconds per person, cycling; returns frames written. */
    public static int write(List<RgbImage> people, Path video, double seconds, double fps, double perPerson) {
        return write(people, video, seconds, fps, perPerson, 0);
    }

    /** As {@link #write(List, Path, double, double, double)}, starting {@code startFrame} frames into the people cycle. */
    public static int write(List<RgbImage> people, Path video, double seconds, double fps, double perPerson, int startFrame) {
        int frames = (int) Math.round(seconds * fps), per = Math.max(1, (int) Math.round(perPerson * fps));
        List<RgbImage> scaled = new ArrayList<>();
        for (RgbImage p : people) {
            double s = Math.min(360.0 / p.height(), 480.0 / p.width());
            scaled.add(Images.resize(p, (int) (p.width() * s), (int) (p.height() * s)));
        }
        try (VideoFileWriter w = new VideoFileWriter(video, WIDTH, HEIGHT, fps)) {
            for (int f = 0; f < frames; f++) {
                int i = f + startFrame;
                RgbImage p = scaled.get((i / per) % scaled.size());
                double t = (i % per) / (double) per;
                byte[] px = new byte[WIDTH * HEIGHT * 3];
                java.util.Arrays.fill(px, (byte) 110);
                int ox = (int) ((WIDTH - p.width()) * (0.3 + 0.4 * t)), oy = (HEIGHT - p.height()) / 2;
                RealFaces.paste(p, px, WIDTH, ox, oy);
                w.write(new RgbImage(WIDTH, HEIGHT, px));
            }
        }
        return frames;
    }
}
