package io.unveil.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BenchLogicTest {
    @Test
    void e2eEnrolsHalfThePeopleOccludedAndNot() {
        assertEquals(List.of(0, 1, 4, 5, 8, 9), EndToEndBench.enrolled(12, 0.5));
        assertEquals(12, new HashSet<>(EndToEndBench.enrolled(12, 1.0)).size());
        assertTrue(EndToEndBench.enrolled(12, 0).isEmpty());
        assertEquals(List.of(0, 1, 4), EndToEndBench.enrolled(5, 0.6));
        assertThrows(IllegalArgumentException.class, () -> EndToEndBench.enrolled(12, 1.5));
    }

    @Test
    void e2eCamerasTakeTheProfilesFrameSamplingAndOtherwiseTheVideoRate() {
        List<java.nio.file.Path> video = List.of(java.nio.file.Path.of("camera.mp4"));
        java.nio.file.Path profile = io.unveil.deploy.k8s.DeployPaths.module().resolve("config/cpu-2-cores-4-cameras.properties");
        var withProfile = EndToEndBench.settings(2, video, options(profile, List.of()), true);
        var cams = io.unveil.ingest.CameraSpec.fromSettings(withProfile);
        assertEquals(2, cams.size());
        for (var c : cams) {
            assertEquals(3.4, c.fps(), 1e-9, "the profile's ingest.fps is each camera's analysed rate");
            assertTrue(c.realtime());
        }
        assertEquals(224, withProfile.get(io.unveil.detector.stage.DetectorSettings.INPUT_SIZE));
        var plain = io.unveil.ingest.CameraSpec.fromSettings(EndToEndBench.settings(1, video, options(null, List.of()), false));
        assertEquals(10.0, plain.get(0).fps(), 1e-9, "without a rate in the settings a camera forwards the video's frames");
        var perCamera = EndToEndBench.settings(2, video, options(profile, List.of("camera.cam2.fps=5")), true);
        assertEquals(List.of(3.4, 5.0), io.unveil.ingest.CameraSpec.fromSettings(perCamera).stream().map(c -> c.fps()).toList());
        assertTrue(EndToEndBench.settings(1, video, options(null, List.of()), false).get(io.unveil.recognize.stage.RecognizeSettings.READ_RAW_FACES));
        assertThrows(IllegalArgumentException.class, () -> EndToEndBench.settings(1, video, options(null, List.of("novalue")), true));
    }

    private static EndToEndBench.Options options(java.nio.file.Path config, List<String> sets) {
        return new EndToEndBench.Options(new int[]{1}, 10, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 0.5, 0.5,
                250, 500, java.nio.file.Path.of("."), config, false, sets);
    }

    @Test
    void e2eCamerasShowDifferentPeopleAtEveryMomentAndEachPlaysItsOwnVideo() {
        int per = (int) Math.round(EndToEndBench.PER_PERSON_S * 10);
        for (int t = 0; t < 12 * per; t += 3) {
            java.util.Set<Integer> shown = new HashSet<>();
            java.util.Set<Integer> phases = new HashSet<>();
            for (int c = 0; c < 8; c++) {
                int frame = t + EndToEndBench.startFrame(c, 10);
                shown.add((frame / per) % 12);
                phases.add(frame % per);
            }
            assertEquals(8, shown.size(), "eight cameras show eight different people at frame " + t);
            assertTrue(phases.size() >= 4, "track changes are spread over the cameras");
        }
        List<java.nio.file.Path> videos = List.of(java.nio.file.Path.of("a.mp4"), java.nio.file.Path.of("b.mp4"));
        var cams = io.unveil.ingest.CameraSpec.fromSettings(EndToEndBench.settings(2, videos, options(null, List.of()), true));
        assertEquals(List.of("a.mp4", "b.mp4"), cams.stream().map(c -> c.url()).toList());
    }

    @Test
    void benchCommandListsItsSubcommands() {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new io.unveil.deploy.Unveil());
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
        assertEquals(0, cl.execute("bench", "--help"));
        for (String c : new String[]{"stages", "e2e", "inpaint"}) assertTrue(out.toString().contains(c), out.toString());
        assertTrue(cl.execute("bench", "stages", "--stages", "NOPE") != 0);
    }

    @Test
    void latencyPercentilesAndGrowth() {
        List<long[]> s = new ArrayList<>();
        for (int i = 0; i < 100; i++) s.add(new long[]{1000 + i * 10L, 100 + i});
        assertEquals(149, EndToEndBench.pct(s, 50), 1e-9);
        assertEquals(198, EndToEndBench.pct(s, 99), 1e-9);
        // arrivals 1000..1990: first fifth [1000,1198) mean of 100..119, last fifth [1792,1990) mean of 180..198
        double g = EndToEndBench.growth(s, 1000, 1990);
        assertEquals((180 + 198) / 2.0 - (100 + 119) / 2.0, g, 1e-9);
        assertTrue(Double.isNaN(EndToEndBench.pct(List.of(), 50)));
    }
}
