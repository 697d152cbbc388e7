package io.unveil.research.data;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Faces for occlusion tests: dlib-aligned chips from ../shared/data/dlib-johns (128 px) or synthetic images. */
public final class TestFaces {
    private TestFaces() {
    }

    /** A deterministic textured image (no data needed): gradients plus noise, so any change is visible. */
    public static RgbImage synthetic(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] d = new byte[128 * 128 * 3];
        for (int y = 0; y < 128; y++)
            for (int x = 0; x < 128; x++) {
                int i = (y * 128 + x) * 3;
                d[i] = (byte) (60 + x + r.nextInt(20));
                d[i + 1] = (byte) (40 + y + r.nextInt(20));
                d[i + 2] = (byte) (90 + (x + y) / 3 + r.nextInt(20));
            }
        return new RgbImage(128, 128, d);
    }

    /** Real dlib-aligned chips resized to 128 (the FACE_128 geometry), when the shared data is present. */
    public static List<RgbImage> dlibChips(int max) throws Exception {
        List<RgbImage> out = new ArrayList<>();
        var dir = SharedData.set("dlib-johns");
        if (dir.isEmpty()) return out;
        try (Stream<Path> files = Files.walk(dir.get())) {
            for (Path f : files.filter(p -> p.toString().toLowerCase().matches(".*\\.(jpg|jpeg|png)$")).sorted().limit(max).toList())
                out.add(Images.resize(Images.read(f), 128, 128));
        }
        return out;
    }
}
