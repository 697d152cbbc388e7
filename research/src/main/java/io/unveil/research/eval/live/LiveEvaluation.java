package io.unveil.research.eval.live;

import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.recognize.stage.RecognizeSettings;
import io.unveil.research.bench.CameraVideos;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.LabeledImages;
import io.unveil.research.eval.inpaint.LibraryOcclusion;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code unveil eval live}: picks the people, draws the occluders, renders the camera video, has a {@link LivePipeline}
 * enroll and play it through the real pipeline, scores every segment and writes the report.
 */
public final class LiveEvaluation {
    /**
     * Blank time after a photo beyond the tracker's gap and the recognizer's visit gap, so the visit has surely ended
     * before the next person (the same person shown twice in a row would otherwise be one visit, as intended live).
     */
    static final long GAP_MARGIN_MS = 500;

    /** The scored run with what the report needs. */
    public record Result(List<SegmentResult> segments, List<LiveTable.Row> rows, SegmentScorer.Scored scored, LiveRecording recording,
                         List<RgbImage> shown, double seconds, OcclusionCalls occlusionCalls, Map<Integer, String> missedFaces) {
        public Result(List<SegmentResult> segments, List<LiveTable.Row> rows, SegmentScorer.Scored scored, LiveRecording recording,
                      List<RgbImage> shown, double seconds, OcclusionCalls occlusionCalls) {
            this(segments, rows, scored, recording, shown, seconds, occlusionCalls, Map.of());
        }
    }

    private LiveEvaluation() {
    }

    public static Result run(LiveOptions o, LivePipeline pipeline, PrintStream log) throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(o.out());
        Map<String, List<Path>> byId = new LinkedHashMap<>();
        Map<String, List<Path>> all = LabeledImages.load(o.data()).byIdentity();
        all.forEach((id, files) -> {
            if (!o.validationOnly() || !IdentitySplit.isTrain(o.setName(), id)) byId.put(id, files);
        });
        LiveCast cast = LiveCast.pick(byId, o.enrolled(), o.strangers(), o.enrollPhotos(), o.shownPhotos(), o.seed());
        List<LivePlan.Shot> shots = LivePlan.shots(cast, o.occludes() ? o.occludedShare() : 0, o.seed());
        log.printf("eval live: %d enrolled + %d strangers of %d %sidentities in %s, %d photos shown%n", cast.enrolled().size(),
                cast.strangers().size(), byId.size(), o.validationOnly() ? "VALIDATION " : "", o.setName(), shots.size());

        List<RgbImage> shown = new ArrayList<>();
        List<String> occluders = new ArrayList<>();
        draw(shots, o, shown, occluders, log);
        Settings given = settings(o.sets());
        long gapMs = Math.max(DetectorConfig.from(given).trackMaxGapMs(), given.get(RecognizeSettings.IDLE_TIMEOUT).toMillis()) + GAP_MARGIN_MS;
        LiveVideo.Timing timing = new LiveVideo.Timing(o.fps(), o.showSeconds(), gapMs / 1000.0);
        Path video = o.out().resolve("camera.mp4");
        List<LiveVideo.Range> ranges = LiveVideo.write(shown, video, timing);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            LivePlan.Shot s = shots.get(i);
            segments.add(new Segment(i, s.person().identity(), s.person().enrolled(), occluders.get(i), s.photo(), ranges.get(i).start(), ranges.get(i).end()));
        }
        log.printf("eval live: camera video %s: %d frames at %.0f fps (%.1f s shown + %.1f s blank per photo), %.0f s of video%n", video,
                LiveVideo.frames(shown.size(), timing), o.fps(), o.showSeconds(), gapMs / 1000.0, LiveVideo.frames(shown.size(), timing) / o.fps());

        List<LiveSetup.Enrollee> enrollees = new ArrayList<>(cast.enrolled().stream().map(p -> new LiveSetup.Enrollee(p.identity(), p.enrollPhotos())).toList());
        List<LiveSetup.Enrollee> distractors = distractors(all, cast, o);
        if (!distractors.isEmpty())
            log.printf("eval live: %d more people enrolled and never shown (%s identities), a gallery of %d%n", distractors.size(),
                    o.validationOnly() ? "TRAIN" : "other", enrollees.size() + distractors.size());
        enrollees.addAll(distractors);
        LiveRecording rec = pipeline.run(new LiveSetup(video, o.cameraFps(), enrollees, o.roles(), o.sets(), o.timeout(), log));
        SegmentScorer.Scored scored = SegmentScorer.score(segments, rec, o.fps());
        List<LiveTable.Row> rows = LiveTable.rows(scored.segments());
        OcclusionCalls calls = OcclusionCalls.of(segments, rec.estimates(), rec.originMs(), o.fps());
        Map<Integer, String> missed = Map.of();
        try (FaceAnalyzer detector = pipeline.detector(given)) {
            if (detector != null) missed = MissedFaces.reasons(scored.segments(), shown, detector, DetectorConfig.from(given));
        }
        return new Result(scored.segments(), rows, scored, rec, shown, (System.nanoTime() - t0) / 1e9, calls, missed);
    }

    /**
     * {@code o.distractors()} people outside the cast (TRAIN identities when the cast is VALIDATION-only), picked with the
     * seed from the identities with enough photos, each enrolled with its first {@code enrollPhotos} photos.
     */
    static List<LiveSetup.Enrollee> distractors(Map<String, List<Path>> all, LiveCast cast, LiveOptions o) {
        if (o.distractors() == 0) return List.of();
        java.util.Set<String> inCast = new java.util.HashSet<>();
        cast.enrolled().forEach(p -> inCast.add(p.identity()));
        cast.strangers().forEach(p -> inCast.add(p.identity()));
        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : all.entrySet()) {
            boolean outside = o.validationOnly() ? IdentitySplit.isTrain(o.setName(), e.getKey()) : !inCast.contains(e.getKey());
            if (outside && !inCast.contains(e.getKey()) && e.getValue().size() >= o.enrollPhotos()) ids.add(e.getKey());
        }
        java.util.Collections.sort(ids);
        java.util.Collections.shuffle(ids, new java.util.Random(o.seed() * 31L + 7));
        if (ids.size() < o.distractors())
            throw new IllegalArgumentException("--distractors " + o.distractors() + ": the set has " + ids.size()
                    + " identities outside the cast with " + o.enrollPhotos() + "+ photos");
        return ids.subList(0, o.distractors()).stream()
                .map(id -> new LiveSetup.Enrollee(id, List.copyOf(all.get(id).subList(0, o.enrollPhotos())))).toList();
    }

    /**
     * Each shot's image as the camera shows it, with its occluder drawn around the detected face. Where the detector
     * finds no face on a photo chosen for an occluder, the occluder goes to the next plain photo of the same side
     * (enrolled or stranger) that has one, so each side keeps its occluded share (9 of 60 chosen photos had no face
     * found with seed 1).
     */
    static void draw(List<LivePlan.Shot> shots, LiveOptions o, List<RgbImage> shown, List<String> occluders, PrintStream log) {
        LibraryOcclusion protocol = o.occludes() ? LibraryOcclusion.parse(o.occlusion()) : null;
        int[] owed = new int[2]; // per side: occluders chosen for a photo without a detected face
        int missed = 0;
        try (FaceApiAnalyzer analyzer = protocol == null ? null : FaceApiAnalyzer.load()) {
            for (int i = 0; i < shots.size(); i++) {
                LivePlan.Shot s = shots.get(i);
                shown.add(Images.read(s.photo()));
                occluders.add(null);
                if (s.occlude() && !occlude(i, analyzer, protocol, o.seed(), shown, occluders)) {
                    owed[side(s)]++;
                    missed++;
                }
            }
            for (int i = 0; i < shots.size() && owed[0] + owed[1] > 0; i++) {
                LivePlan.Shot s = shots.get(i);
                if (!s.occlude() && owed[side(s)] > 0 && occlude(i, analyzer, protocol, o.seed(), shown, occluders)) owed[side(s)]--;
            }
        }
        if (missed > 0) log.printf("eval live: no face found on %d photo(s) chosen for an occluder: drawn on %d other photo(s) of the same side%n",
                missed, missed - owed[0] - owed[1]);
    }

    private static int side(LivePlan.Shot s) {
        return s.person().enrolled() ? 0 : 1;
    }

    /** Draws the occluder on shot i around its largest detected face; false when no face is found. */
    private static boolean occlude(int i, FaceApiAnalyzer analyzer, LibraryOcclusion protocol, long seed, List<RgbImage> shown, List<String> occluders) {
        RgbImage img = shown.get(i);
        DetectedFace best = null;
        for (DetectedFace f : analyzer.detect(img)) if (best == null || f.box().area() > best.box().area()) best = f;
        if (best == null) return false;
        long drawSeed = seed * 1_000_003L + i;
        shown.set(i, CameraVideos.occludeAround(img, best, (crop, lm) -> protocol.apply(crop, lm, drawSeed).image()));
        occluders.set(i, protocol.drawnName(drawSeed));
        return true;
    }

    /** The run's settings as the pipeline will see them (environment and --set), to size the blank gaps. */
    static Settings settings(List<String> sets) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--set expects KEY=VALUE, got '" + s + "'");
            m.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        return Settings.load(null, System.getenv(), m);
    }
}
