package io.unveil.research.eval.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Frame;
import io.unveil.ingest.CameraReader;
import io.unveil.ingest.CameraSpec;
import io.unveil.ingest.IngestMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The rendered video read back through ingest's camera reader: its frames match the segment table. */
@Timeout(60)
class LiveVideoTest {
    @TempDir
    Path dir;

    static RgbImage solid(int r, int g, int b) {
        byte[] px = new byte[120 * 150 * 3];
        for (int i = 0; i < px.length; i += 3) {
            px[i] = (byte) r;
            px[i + 1] = (byte) g;
            px[i + 2] = (byte) b;
        }
        return new RgbImage(120, 150, px);
    }

    @Test
    void segmentTableMatchesTheFramesAndGapsAreBlank() throws Exception {
        int[][] colours = {{230, 20, 20}, {20, 230, 20}, {20, 20, 230}};
        List<RgbImage> photos = Arrays.stream(colours).map(c -> solid(c[0], c[1], c[2])).toList();
        LiveVideo.Timing t = new LiveVideo.Timing(10, 0.6, 0.35); // 6 frames shown, ceil(3.5) = 4 blank
        Path video = dir.resolve("live.mp4");
        List<LiveVideo.Range> ranges = LiveVideo.write(photos, video, t);
        assertEquals(List.of(new LiveVideo.Range(0, 6), new LiveVideo.Range(10, 16), new LiveVideo.Range(20, 26)), ranges);
        assertEquals(ranges, LiveVideo.ranges(3, t));

        List<Frame> frames = new ArrayList<>();
        CameraSpec spec = CameraSpec.of("live", video.toString(), Settings.empty().with("ingest.fps", "0"));
        CameraReader reader = new CameraReader(spec, frames::add, new IngestMetrics(new SimpleMeterRegistry(), "live"));
        reader.run();
        assertNull(reader.failure());
        assertEquals(LiveVideo.frames(3, t), frames.size());
        assertEquals(30, frames.size(), "every photo is followed by its gap, the last one too");

        long origin = frames.get(0).captureTimeMs();
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            assertEquals(i, SegmentScorer.frameOf(f.captureTimeMs(), origin, t.fps()), "frame " + i + " is found again from its capture time");
            RgbImage img = Images.decode(f.jpeg());
            assertEquals(LiveVideo.WIDTH, img.width());
            int seg = -1;
            for (int k = 0; k < ranges.size(); k++) if (i >= ranges.get(k).start() && i < ranges.get(k).end()) seg = k;
            int cx = LiveVideo.WIDTH / 2, cy = LiveVideo.HEIGHT / 2;
            if (seg >= 0) {
                int[] want = colours[seg];
                int[] got = {img.r(cx, cy), img.g(cx, cy), img.b(cx, cy)};
                for (int c = 0; c < 3; c++)
                    assertTrue(Math.abs(got[c] - want[c]) < 40, "frame " + i + " shows photo " + seg + ": " + Arrays.toString(got));
            } else {
                for (int y = 10; y < LiveVideo.HEIGHT; y += 40)
                    for (int x = 10; x < LiveVideo.WIDTH; x += 40)
                        assertTrue(Math.abs(img.g(x, y) - LiveVideo.BLANK) < 12, "frame " + i + " is blank at " + x + "," + y + ": " + img.g(x, y));
            }
        }
    }

    @Test
    void thePhotoDriftsAcrossItsSegment() {
        RgbImage p = LiveVideo.fit(solid(230, 20, 20));
        int first = leftEdge(LiveVideo.frame(p, 0)), last = leftEdge(LiveVideo.frame(p, 1));
        assertEquals(LiveVideo.DRIFT_PX, last - first, 1);
    }

    private static int leftEdge(RgbImage f) {
        for (int x = 0; x < f.width(); x++) if (f.r(x, f.height() / 2) > 200) return x;
        return -1;
    }
}
