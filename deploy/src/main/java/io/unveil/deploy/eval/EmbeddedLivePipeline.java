package io.unveil.deploy.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Gauge;
import io.unveil.core.config.Settings;
import io.unveil.core.record.Face;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.topic.Topics;
import io.unveil.deploy.cli.DemoCommand;
import io.unveil.deploy.cli.RunCommand;
import io.unveil.deploy.runtime.Pipeline;
import io.unveil.deploy.runtime.PipelineOptions;
import io.unveil.deploy.runtime.PlayThrough;
import io.unveil.deploy.runtime.Progress;
import io.unveil.deploy.runtime.Roles;
import io.unveil.deploy.runtime.TopicTail;
import io.unveil.gallery.client.GalleryClient;
import io.unveil.gallery.stage.GalleryRole;
import io.unveil.research.eval.live.LivePipeline;
import io.unveil.research.eval.live.LiveRecording;
import io.unveil.research.eval.live.LiveSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The live test's pipeline: what {@code unveil run --camera live=VIDEO} starts (embedded broker, the chosen roles, the
 * same settings), with the cameras started only after the people are enrolled through the gallery REST API and the
 * recognizer's gallery holds them. The video is read as fast as the pipeline takes it (not in real time), so no frame
 * is dropped for being late and a seed gives the same frames on any machine.
 */
public final class EmbeddedLivePipeline implements LivePipeline {
    static final String CAMERA = "live";

    /** The detect role's detector for these settings, from the same registry the role loads it from. */
    @Override
    public io.unveil.detector.FaceAnalyzer detector(io.unveil.core.config.Settings settings) {
        return io.unveil.deploy.runtime.Models.DETECTORS.load(settings);
    }

    @Override
    public LiveRecording run(LiveSetup s) throws Exception {
        List<String> roles = s.roles() != null ? s.roles() : Roles.names();
        for (String needed : List.of("ingest", "detect", "recognize", "gallery"))
            if (!roles.contains(needed)) throw new IllegalArgumentException("eval live needs role " + needed + " (--roles " + String.join(",", roles) + ")");
        String adminKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        List<String> sets = new ArrayList<>(List.of("camera." + CAMERA + ".fps=" + s.cameraFps(), "gallery.port=0", "gallery.host=127.0.0.1",
                "gallery.admin-key=" + adminKey));
        sets.addAll(s.sets());
        Settings settings = RunCommand.settings(null, List.of(CAMERA + "=" + s.video().toAbsolutePath()), sets);
        // a fresh broker each run: a gallery left from an earlier run would hold the same people under other ids
        Path work = Files.createTempDirectory("unveil-eval-live-");
        try {
            return run(s, roles, settings, adminKey, work);
        } finally {
            DemoCommand.deleteTree(work);
        }
    }

    private LiveRecording run(LiveSetup s, List<String> roles, Settings settings, String adminKey, Path work) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>(), refused = new LinkedHashMap<>();
        List<RecognitionEvent> events = new ArrayList<>();
        List<LiveRecording.SeenFace> faces = new ArrayList<>();
        List<LiveRecording.Estimate> estimates = new ArrayList<>();
        long origin;
        try (Pipeline p = Pipeline.open(new PipelineOptions(roles, null, work, "127.0.0.1", 0, (short) 1, settings));
             TopicTail tail = new TopicTail(p.context().clientProperties(), List.of(Topics.FACES.name(), Topics.EVENTS.name(),
                     Topics.FACES_REPAIRED.name()));
             TopicTail frames = new TopicTail(p.context().clientProperties(), List.of(Topics.FRAMES.name()));
             Progress progress = new Progress(p.context().clientProperties())) {
            long t0 = System.nanoTime();
            p.startRolesBeforeCameras(false);
            s.log().printf("eval live: roles %s started in %.0f s (Kafka %s)%n", String.join(",", roles), (System.nanoTime() - t0) / 1e9, p.bootstrap());
            enroll("eval live", p, java.util.Objects.requireNonNullElse(settings.get(io.unveil.gallery.stage.GallerySettings.ADMIN_KEY), adminKey), s, ids, refused);
            awaitGallery(p, ids.size(), Duration.ofSeconds(60));
            long played = System.nanoTime();
            p.startCameras(false);
            long[] nextLog = {System.nanoTime() + 30_000_000_000L};
            try {
                PlayThrough.await(p, progress, s.timeout(), wait -> {
                    tail.poll(wait, r -> collect(r, events, faces, estimates));
                    if (System.nanoTime() > nextLog[0]) {
                        nextLog[0] += 30_000_000_000L;
                        s.log().printf("eval live: %.0f s: %d faces, %d events so far%n", (System.nanoTime() - played) / 1e9, faces.size(), events.size());
                    }
                });
            } catch (TimeoutException e) {
                throw new TimeoutException("eval live: the pipeline did not finish the video within " + s.timeout().toSeconds() + " s");
            }
            tail.drain(r -> collect(r, events, faces, estimates));
            origin = firstFrameTime(frames, CAMERA);
            s.log().printf("eval live: video played through the pipeline in %.0f s: %d faces, %d events%n", (System.nanoTime() - played) / 1e9,
                    faces.size(), events.size());
        }
        return new LiveRecording(origin, ids, refused, List.copyOf(events), List.copyOf(faces), roles,
                "embedded broker, roles " + String.join(",", roles) + ", camera read as fast as processed", List.copyOf(estimates));
    }

    /** Each enrollee through the gallery API (POST /api/v1/identities with the photos); a refusal is recorded, not fatal. */
    public static void enroll(String who, Pipeline p, String adminKey, LiveSetup s, Map<String, String> ids, Map<String, String> refused) throws Exception {
        int port = p.roles().stream().filter(r -> r instanceof GalleryRole).map(r -> ((GalleryRole) r).port()).findFirst()
                .orElseThrow(() -> new IllegalStateException("role gallery did not start"));
        GalleryClient client = new GalleryClient("http://127.0.0.1:" + port, adminKey);
        long t0 = System.nanoTime();
        for (LiveSetup.Enrollee e : s.enrollees()) {
            try {
                JsonNode r = client.enroll(e.identity(), e.photos());
                ids.put(e.identity(), r.get("identity").get("id").asText());
            } catch (GalleryClient.ApiError err) {
                refused.put(e.identity(), err.getMessage() + reasons(err.body));
            }
        }
        s.log().printf("%s: %d of %d people enrolled through %s/api/v1 in %.0f s%s%n", who, ids.size(), s.enrollees().size(),
                "http://127.0.0.1:" + port, (System.nanoTime() - t0) / 1e9, refused.isEmpty() ? "" : "; refused: " + refused);
    }

    /** The per-image reasons of a refused enrollment (the service's details), e.g. " (a.png: several faces)". */
    static String reasons(JsonNode body) {
        if (body == null || !body.path("details").isArray()) return "";
        List<String> out = new ArrayList<>();
        for (JsonNode d : body.get("details"))
            if (d.hasNonNull("reason")) out.add(d.path("source").asText("?") + ": " + d.get("reason").asText() + (d.hasNonNull("detail") ? " (" + d.get("detail").asText() + ")" : ""));
        return out.isEmpty() ? "" : " (" + String.join("; ", out) + ")";
    }

    /** Waits until the recognizer's gallery (its global table of unveil.gallery) holds the enrolled identities. */
    public static void awaitGallery(Pipeline p, int enrolled, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Gauge g = p.context().registry().find("unveil.recognize.gallery.size").gauge();
            if (g != null && g.value() >= enrolled) return;
            if (System.nanoTime() > deadline)
                throw new TimeoutException("the recognizer's gallery holds " + (g == null ? "no" : (long) g.value()) + " of " + enrolled + " identities after " + timeout.toSeconds() + " s");
            Thread.sleep(100);
        }
    }

    private static void collect(ConsumerRecord<String, byte[]> r, List<RecognitionEvent> events, List<LiveRecording.SeenFace> faces,
                                List<LiveRecording.Estimate> estimates) {
        if (r.topic().equals(Topics.EVENTS.name())) {
            events.add(Topics.EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value()));
        } else if (r.topic().equals(Topics.FACES_REPAIRED.name())) {
            Face f = Topics.FACES_REPAIRED.valueSerde().deserializer().deserialize(r.topic(), r.value());
            estimates.add(new LiveRecording.Estimate(f.captureTimeMs(), f.trackId(), f.occlusion() != null && f.occlusion().occluded(), f.inpainted()));
        } else {
            Face f = Topics.FACES.valueSerde().deserializer().deserialize(r.topic(), r.value());
            faces.add(new LiveRecording.SeenFace(f.captureTimeMs(), f.trackId(), f.aligned()));
        }
    }

    /** Capture time of the camera's frame 0: a file camera stamps each frame with this + its media time. */
    public static long firstFrameTime(TopicTail frames, String camera) {
        long[] first = {Long.MAX_VALUE};
        frames.drain(r -> {
            if (camera.equals(r.key())) {
                var f = Topics.FRAMES.valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
                if (f.sequence() == 0) first[0] = Math.min(first[0], f.captureTimeMs());
            }
        });
        if (first[0] == Long.MAX_VALUE) throw new IllegalStateException("frame 0 of camera " + camera + " is not on " + Topics.FRAMES.name());
        return first[0];
    }
}
