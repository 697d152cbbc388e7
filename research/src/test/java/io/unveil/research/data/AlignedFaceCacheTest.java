package io.unveil.research.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.testing.TestData;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.ParityFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlignedFaceCacheTest {
    @TempDir
    Path tmp;

    @Test
    void buildsOnceListsFailuresAndRebuildsWhenTheSetChanges() throws Exception {
        Path celeba = TestData.set("celeba-subset");
        ParityFixtures.assumeModels();
        Path set = tmp.resolve("tiny-set");
        Files.createDirectories(set.resolve("images"));
        List<String> lines = Files.readAllLines(celeba.resolve("labels.csv")).subList(1, 4);
        StringBuilder labels = new StringBuilder("file,identity\n");
        for (String l : lines) {
            String file = l.substring(0, l.lastIndexOf(','));
            Files.copy(celeba.resolve(file), set.resolve(file));
            labels.append(l).append('\n');
        }
        byte[] grey = new byte[64 * 64 * 3];
        Arrays.fill(grey, (byte) 128);
        Files.write(set.resolve("images/flat.png"), Images.encodePng(new RgbImage(64, 64, grey)));
        Files.writeString(set.resolve("images/broken.jpg"), "not an image");
        labels.append("images/flat.png,nobody\nimages/broken.jpg,nobody\n");
        Files.writeString(set.resolve("labels.csv"), labels);

        Path cacheDir = tmp.resolve("cache");
        AtomicInteger calls = new AtomicInteger();
        try (FaceApiAnalyzer analyzer = FaceApiAnalyzer.load()) {
            AlignedFaceCache c1 = AlignedFaceCache.build(set, cacheDir, analyzer, (d, t, f) -> calls.incrementAndGet());
            assertEquals(5, calls.get());
            assertEquals(5, c1.samples().size() + c1.failures().size());
            assertTrue(c1.samples().size() >= 2, "celeba faces found: " + c1.samples().size());
            assertTrue(c1.failures().stream().anyMatch(f -> f.sourceFile().endsWith("flat.png") && f.reason().contains("no face")));
            assertTrue(c1.failures().stream().anyMatch(f -> f.sourceFile().endsWith("broken.jpg") && f.reason().contains("not decodable")));
            for (AlignedSample s : c1.samples()) {
                RgbImage png = Images.read(s.png());
                assertEquals(128, png.width());
                assertEquals(128, png.height());
                assertEquals(136, s.landmarks128().length);
                // eyes land near the canonical FACE_128 positions
                float leX = 0;
                for (int i = 36; i < 42; i++) leX += s.landmarks128()[2 * i] / 6;
                assertEquals(40.2, leX, 6.0, "left eye x in " + s.png());
            }

            AlignedFaceCache c2 = AlignedFaceCache.build(set, cacheDir, analyzer, (d, t, f) -> calls.incrementAndGet());
            assertEquals(5, calls.get(), "a current cache is reused, not rebuilt");
            assertEquals(c1.samples().size(), c2.samples().size());
            assertEquals(c1.samples().get(0).sourceFile(), c2.samples().get(0).sourceFile());

            Files.writeString(set.resolve("labels.csv"), labels.toString().replace("images/broken.jpg,nobody\n", ""));
            AlignedFaceCache c3 = AlignedFaceCache.build(set, cacheDir, analyzer, (d, t, f) -> calls.incrementAndGet());
            assertEquals(9, calls.get(), "a changed set is rebuilt");
            assertEquals(4, c3.samples().size() + c3.failures().size());
        }
    }

    /** ORL faces fill their 92x112 photos; the cache retries a photo without a face once with a replicated margin. */
    @Test
    void tightCropsAreFoundWithAMargin() throws Exception {
        Path orl = TestData.set("orl");
        ParityFixtures.assumeModels();
        Path set = tmp.resolve("orl-10");
        StringBuilder labels = new StringBuilder("file,identity\n");
        List<String> lines = Files.readAllLines(orl.resolve("labels.csv")).subList(1, 11);
        int rawFound = 0;
        try (FaceApiAnalyzer analyzer = FaceApiAnalyzer.load()) {
            for (String l : lines) {
                String file = l.substring(0, l.lastIndexOf(','));
                Files.createDirectories(set.resolve(file).getParent());
                Files.copy(orl.resolve(file), set.resolve(file));
                labels.append(l).append('\n');
                if (!analyzer.detect(Images.read(orl.resolve(file))).isEmpty()) rawFound++;
            }
            Files.writeString(set.resolve("labels.csv"), labels);
            AlignedFaceCache c = AlignedFaceCache.build(set, tmp.resolve("orl-cache"), analyzer, (d, t, f) -> { });
            assertTrue(c.samples().size() > rawFound, "faces without margin " + rawFound + ", with the retry "
                    + c.samples().size() + " of 10");
            double meanLeX = 0;
            for (AlignedSample sample : c.samples()) {
                float leX = 0;
                for (int i = 36; i < 42; i++) leX += sample.landmarks128()[2 * i] / 6;
                assertEquals(40.2, leX, 12.0, "left eye x in " + sample.png() + " (ORL has turned heads)");
                meanLeX += leX / c.samples().size();
            }
            assertEquals(40.2, meanLeX, 6.0, "aligned to the FACE_128 geometry on average");
        }
    }
}
