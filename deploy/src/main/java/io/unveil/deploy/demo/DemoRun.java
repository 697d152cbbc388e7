package io.unveil.deploy.demo;

import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.topic.Topics;
import io.unveil.deploy.cli.RunCommand;
import io.unveil.deploy.eval.EmbeddedLivePipeline;
import io.unveil.deploy.runtime.Pipeline;
import io.unveil.deploy.runtime.PipelineOptions;
import io.unveil.deploy.runtime.PlayThrough;
import io.unveil.deploy.runtime.Progress;
import io.unveil.deploy.runtime.Roles;
import io.unveil.deploy.runtime.TopicTail;
import io.unveil.detector.FaceApiAnalyzer;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.gallery.stage.GalleryRole;
import io.unveil.gallery.stage.GallerySettings;
import io.unveil.research.eval.live.LiveRecording;
import io.unveil.research.eval.live.LiveSetup;
import io.unveil.research.eval.live.LiveVideo;
import io.unveil.research.eval.live.Segment;
import io.unveil.research.eval.live.SegmentResult;
import io.unveil.research.eval.live.SegmentScorer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's run: cuts the people from the package photos ({@link DemoCast}), writes the camera video (each shot for a
 * few seconds, then blank until the tracker has ended the track, as {@code eval live}), starts every role but the
 * camera, enrolls the named people through the gallery API, then plays the camera through the pipeline, printing each
 * face and event as a JSON line, and scores each shot as {@code eval live} does ({@link SegmentScorer}).
 */
public final class DemoRun {
    public static final String CAMERA = "demo";

    /**
     * The video's frame rate, the camera's frame-rate cap, seconds each shot is shown, strangers shown, the gallery's
     * port (0 = any), the metrics port (0 = any), the work folder, {@code --set} overrides, the time limit.
     */
    public record Options(double fps, double cameraFps, double showSeconds, int strangers, int galleryPort, int metricsPort, Path work,
                          List<String> sets, Duration timeout) {
    }

    /**
     * What happened: the cast, each shot's result (in shot order), the recording, the video's frames, the roles left out,
     * the page's address and where its admin API key is.
     */
    public record Result(DemoCast cast, List<DemoCast.Shot> shots, List<SegmentResult> results, LiveRecording recording, int frames,
                         List<String> skipped, String pageUrl, String keyWhere) {
    }

    /** Called once the video has played through, while the pipeline and the page still run. */
    public interface AtEnd {
        void accept(Result r) throws Exception;
    }

    private DemoRun() {
    }

    public static Result run(Options o, PrintStream out, PrintStream log, AtEnd atEnd) throws Exception {
        // settings first: a bad --set is one line before any model loads
        List<String> sets = new ArrayList<>(List.of("camera." + CAMERA + ".fps=" + o.cameraFps(), "gallery.host=127.0.0.1",
                "gallery.port=" + o.galleryPort()));
        sets.addAll(o.sets());
        Path video = o.work().resolve("sample-camera.mp4");
        Settings settings = RunCommand.settings(null, List.of(CAMERA + "=" + video), sets);
        FaceApiModels models = FaceApiModels.ensureDefault();
        DemoCast cast;
        List<DemoCast.Shot> shots;
        try (FaceApiAnalyzer analyzer = FaceApiAnalyzer.load()) {
            cast = DemoCast.of(DemoCast.samples(models), analyzer, o.strangers());
            shots = cast.shots(analyzer, 1);
        }
        Files.createDirectories(o.work());
        List<LiveSetup.Enrollee> enrollees = new ArrayList<>();
        for (DemoCast.Person p : cast.enrolled()) {
            Path f = o.work().resolve("enroll-" + p.name() + ".png");
            Files.write(f, Images.encodePng(p.enrollPhoto()));
            enrollees.add(new LiveSetup.Enrollee(p.name(), List.of(f)));
        }
        long gapMs = DetectorConfig.from(settings).trackMaxGapMs() + 500; // blank past the tracker's gap: one track per shot
        LiveVideo.Timing timing = new LiveVideo.Timing(o.fps(), o.showSeconds(), gapMs / 1000.0);
        List<RgbImage> images = shots.stream().map(DemoCast.Shot::image).toList();
        List<LiveVideo.Range> ranges = LiveVideo.write(images, video, timing);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            DemoCast.Shot s = shots.get(i);
            segments.add(new Segment(i, label(cast, s.person()), s.person().enrolled(), s.masked() ? "medical-mask" : null, null,
                    ranges.get(i).start(), ranges.get(i).end()));
        }
        int frames = LiveVideo.frames(images.size(), timing);
        log.printf("demo: %d people from the sample photos (%d enrolled, %d strangers), %d shots (plain, then masked), camera video %s: %d frames at"
                + " %.0f fps%n", cast.people().size(), cast.enrolled().size(), cast.strangers().size(), shots.size(), video, frames, o.fps());

        List<RecognitionEvent> events = new ArrayList<>();
        List<LiveRecording.SeenFace> faces = new ArrayList<>();
        try (Pipeline p = Pipeline.open(new PipelineOptions(Roles.names(), null, o.work(), "127.0.0.1", o.metricsPort(), (short) 1, settings));
             OutputPrinter printer = new OutputPrinter(p.context().clientProperties(), out)
                     .collect(f -> faces.add(new LiveRecording.SeenFace(f.captureTimeMs(), f.trackId(), null)), events::add);
             TopicTail frameTail = new TopicTail(p.context().clientProperties(), List.of(Topics.FRAMES.name()));
             Progress progress = new Progress(p.context().clientProperties())) {
            List<String> skipped = new ArrayList<>(p.startRolesBeforeCameras(true));
            int port = p.roles().stream().filter(r -> r instanceof GalleryRole).mapToInt(r -> ((GalleryRole) r).port()).findFirst().orElse(-1);
            String page = port < 0 ? null : "http://127.0.0.1:" + port + "/";
            String keyWhere = keyWhere(settings);
            log.printf("demo: roles %s, Kafka %s, metrics http://127.0.0.1:%d/metrics%n", String.join(",", Roles.names()), p.bootstrap(), p.metricsPort());
            Map<String, String> ids = new LinkedHashMap<>(), refused = new LinkedHashMap<>();
            if (page != null && !skipped.contains("recognize")) {
                log.printf("demo: the page: %s (API key: %s)%n", page, keyWhere);
                LiveSetup setup = new LiveSetup(video, o.cameraFps(), enrollees, Roles.names(), sets, o.timeout(), log);
                EmbeddedLivePipeline.enroll("demo", p, adminKey(settings), setup, ids, refused);
                EmbeddedLivePipeline.awaitGallery(p, ids.size(), Duration.ofSeconds(60));
                log.printf("demo: enrolled %s from one photo each; the camera starts%n", String.join(", ", ids.keySet()));
            } else {
                log.println("demo: without roles gallery and recognize nobody is enrolled or named (left out: " + skipped + ")");
            }
            skipped.addAll(p.startCameras(true));
            PlayThrough.await(p, progress, o.timeout(), printer::poll);
            printer.drain();
            long origin = EmbeddedLivePipeline.firstFrameTime(frameTail, CAMERA);
            LiveRecording rec = new LiveRecording(origin, ids, refused, List.copyOf(events), List.copyOf(faces), Roles.names(), "demo");
            SegmentScorer.Scored scored = SegmentScorer.score(segments, rec, o.fps());
            Result r = new Result(cast, shots, scored.segments(), rec, frames, skipped, page, keyWhere);
            atEnd.accept(r);
            return r;
        }
    }

    /** The name, or "stranger N" in the order the strangers are shown. */
    static String label(DemoCast cast, DemoCast.Person p) {
        return p.label(cast.strangers().indexOf(p) + 1);
    }

    /** The admin key the demo enrolls with: the one set, else the file the gallery role wrote (it bootstraps one when none is set). */
    static String adminKey(Settings s) throws IOException {
        String set = s.get(GallerySettings.ADMIN_KEY);
        if (set != null) return set;
        Path f = keyFile(s);
        if (!Files.isRegularFile(f))
            throw new IllegalStateException("no admin API key: set gallery.admin-key, or gallery.api-keys-file with gallery.admin-key too, for the demo");
        return Files.readString(f).strip();
    }

    static String keyWhere(Settings s) {
        if (s.get(GallerySettings.ADMIN_KEY) != null) return "the gallery.admin-key you set";
        return "in " + keyFile(s);
    }

    private static Path keyFile(Settings s) {
        return Path.of(s.get(GallerySettings.ADMIN_KEY_FILE, GalleryRole.defaultAdminKeyFile().toString()));
    }
}
