package io.unveil.research.proof;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Frame;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.serde.Json;
import io.unveil.core.testing.TestData;
import io.unveil.core.topic.Topics;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.align.AlignTarget;
import io.unveil.detector.align.FaceAligner;
import io.unveil.detector.stage.DetectorConfig;
import io.unveil.detector.stage.DetectorTopology;
import io.unveil.detector.stage.FaceCropper;
import io.unveil.gallery.enroll.Enroller;
import io.unveil.gallery.enroll.EnrollmentPolicy;
import io.unveil.gallery.enroll.EnrollmentResult;
import io.unveil.recognize.calibrate.CalibrationResult;
import io.unveil.recognize.faceapi.FaceApiEmbedder;
import io.unveil.recognize.match.CentroidMatcher;
import io.unveil.recognize.match.Match;
import io.unveil.detector.align.FaceChips;
import io.unveil.recognize.stage.RecognizeConfig;
import io.unveil.recognize.stage.RecognizeTopology;
import io.unveil.research.calibrate.Calibration;
import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.LabeledImages;
import io.unveil.core.testing.RoleStreamsProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end proof on real faces (run with {@code -Dunveil.proof=true}; needs ../shared/data/celeba-subset and the
 * face-api weights): calibrate the threshold on TRAIN identities, enroll 20 VALIDATION identities from 5 photos each
 * through the real enrollment path, then play a generated camera feed (one camera scene per person: that person's
 * other photos, 3 jittered frames each, 5 fps) of those 20 plus 20 non-enrolled people through the real detector
 * stage and the recognition topology, and measure identification, rejection and events per track.
 * Numbers go to target/proof.json.
 */
class EndToEndProofTest {
    static final int ENROLL_IMAGES = 5;
    static final int PROBE_PHOTOS = Integer.getInteger("unveil.proof.probes", 4);
    static final int FRAMES_PER_PHOTO = Integer.getInteger("unveil.proof.frames-per-photo", 2);

    @Test
    void enrolledPeopleAreRecognizedAndStrangersAreUnknown(@TempDir Path state) throws Exception {
        assumeTrue(Boolean.getBoolean("unveil.proof"), "skipped: end-to-end proof runs with -Dunveil.proof=true (minutes of CPU)");
        Path data = TestData.set("celeba-subset");
        Map<String, List<Path>> byId = LabeledImages.load(data).byIdentity();
        List<String> validation = new ArrayList<>(), train = new ArrayList<>();
        byId.forEach((id, files) -> {
            if (IdentitySplit.of("celeba-subset", id) == IdentitySplit.Part.VALIDATION) {
                if (files.size() >= ENROLL_IMAGES + 3) validation.add(id);
            } else if (files.size() >= 4) train.add(id);
        });
        assumeTrue(validation.size() >= 40, "need 40 validation identities with 8+ photos, found " + validation.size());
        List<String> enrolledIds = new ArrayList<>(), strangers = new ArrayList<>();
        for (int i = 0; i < 40; i++) (i % 2 == 0 ? enrolledIds : strangers).add(validation.get(i));

        // one intra-op thread: the CI machine has 2 cores shared by several jobs
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        int calIds = Integer.getInteger("unveil.proof.calibration-identities", 40);
        FaceChips chips = FaceChips.faceApi();
        long t0 = System.currentTimeMillis();
        Map<String, Object> report = new LinkedHashMap<>();
        try (FaceApiEmbedder embedder = FaceApiEmbedder.load()) {
            // 1. calibration on TRAIN identities (disjoint from everyone below)
            Map<String, List<float[]>> calib = new LinkedHashMap<>();
            for (String id : train.subList(0, Math.min(calIds, train.size()))) {
                List<RgbImage> cs = new ArrayList<>();
                for (Path p : byId.get(id).subList(0, Math.min(5, byId.get(id).size()))) {
                    FaceChips.Chip c = chips.largest(Images.read(p));
                    if (c != null) cs.add(c.chip());
                }
                if (cs.size() >= 2) calib.put(id, List.of(embedder.embed(cs)));
                System.out.printf("calibration identity %d (%.0f s)%n", calib.size(), (System.currentTimeMillis() - t0) / 1000.0);
            }
            CalibrationResult cal = Calibration.pick(Calibration.scores(calib), 1e-3).withSource("celeba-subset TRAIN, "
                    + calib.size() + " identities", embedder.modelVersion());
            Files.createDirectories(Path.of("target"));
            cal.write(Path.of("target/proof-calibration.json"));
            report.put("calibration", cal);
            System.out.printf("calibration: threshold %.4f (FAR %.2e, FRR %.3f) from %d identities, %.0f s%n", cal.threshold(),
                    cal.far(), cal.frr(), calib.size(), (System.currentTimeMillis() - t0) / 1000.0);

            // 2. enrollment through the real enrollment path
            Enroller enroller = new Enroller(chips, embedder, EnrollmentPolicy.defaults());
            List<GalleryEntry> gallery = new ArrayList<>();
            Map<String, Integer> rejectReasons = new LinkedHashMap<>();
            int accepted = 0;
            for (String id : enrolledIds) {
                List<Enroller.Input> in = new ArrayList<>();
                for (Path p : byId.get(id).subList(0, ENROLL_IMAGES)) in.add(new Enroller.Input(p.getFileName().toString(), Images.read(p), null));
                EnrollmentResult r = enroller.enroll(in, null);
                r.images().stream().filter(o -> !o.accepted()).forEach(o -> rejectReasons.merge(o.reason(), 1, Integer::sum));
                accepted += r.added();
                assertTrue(r.ok(), id + ": no usable enrollment image: " + r.images());
                gallery.add(new GalleryEntry(id, "person " + id, r.centroid(), r.count(), r.meanQuality(), 1, 0, 0, Map.of()));
            }
            report.put("enrolled", Map.of("identities", gallery.size(), "imagesOffered", enrolledIds.size() * ENROLL_IMAGES,
                    "imagesAccepted", accepted, "rejections", rejectReasons));
            System.out.printf("enrolled %d identities from %d/%d images; rejections %s%n", gallery.size(), accepted,
                    enrolledIds.size() * ENROLL_IMAGES, rejectReasons);

            CentroidMatcher matcher = CentroidMatcher.of(gallery, cal.center());
            int probes = 0, rank1 = 0;

            // 4. the camera feed through detector + recognition topologies
            StreamsBuilder b = new StreamsBuilder();
            SimpleMeterRegistry reg = new SimpleMeterRegistry();
            FaceCropper cropper = (frame, lm) -> new FaceCropper.Crops(FaceAligner.align(frame, lm, AlignTarget.FACE_128).image(),
                    FaceAligner.align(frame, lm, AlignTarget.CHIP_150).image());
            DetectorTopology.buildTopology(b, DetectorConfig.defaults(), chips.analyzer(), cropper, reg);
            RecognizeConfig rc = RecognizeConfig.withThreshold(cal.threshold(), "target/proof-calibration.json")
                    .withCalibration(cal, "target/proof-calibration.json").withInputTopic(Topics.FACES.name());
            RecognizeTopology.buildTopology(b, rc, embedder, reg);
            Properties props = RoleStreamsProperties.of("unveil-recognize", state);
            Instant start = Instant.parse("2026-01-01T08:00:00Z");
            Map<String, String> truthByCamera = new LinkedHashMap<>();
            int frames = 0;
            try (TopologyTestDriver d = new TopologyTestDriver(b.build(), props, start)) {
                TestInputTopic<String, GalleryEntry> gin = d.createInputTopic(Topics.GALLERY.name(), new StringSerializer(),
                        Topics.GALLERY.valueSerde().serializer());
                gallery.forEach(g -> gin.pipeInput(g.id(), g));
                TestInputTopic<String, byte[]> fin = d.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), new ByteArraySerializer());
                TestOutputTopic<String, RecognitionEvent> out = d.createOutputTopic(Topics.EVENTS.name(), new StringDeserializer(),
                        Topics.EVENTS.valueSerde().deserializer());
                long t = start.toEpochMilli();
                List<String> people = new ArrayList<>(enrolledIds);
                people.addAll(strangers);
                int cam = 0;
                for (String id : people) {
                    String camera = "cam-" + (++cam);
                    truthByCamera.put(camera, id);
                    long seq = 0;
                    for (Path p : probePhotos(byId.get(id))) {
                        RgbImage photo = Images.read(p);
                        List<DetectedFace> faces = chips.detect(photo);
                        if (faces.isEmpty()) continue;
                        DetectedFace f = faces.stream().max(Comparator.comparingDouble(x -> x.box().area())).orElseThrow();
                        if (enrolledIds.contains(id)) { // closed-set rank-1 of the photo itself, for reference
                            probes++;
                            Match m = matcher.match(embedder.embed(List.of(chips.align(photo, f)))[0]);
                            if (id.equals(m.identityId())) rank1++;
                        }
                        for (int k = 0; k < FRAMES_PER_PHOTO; k++) {
                            byte[] jpeg = Images.encodeJpeg(scene(photo, f, k), 90);
                            RecordHeaders h = new RecordHeaders();
                            byte[] v = Topics.FRAMES.valueSerde().serializer().serialize(Topics.FRAMES.name(), h,
                                    new Frame(camera, seq++, t, jpeg));
                            fin.pipeInput(new TestRecord<>(camera, v, h, Instant.ofEpochMilli(t)));
                            frames++;
                            t += 200;
                        }
                    }
                    t += 5000; // the person leaves; the next scene starts later
                    System.out.printf("scene %d/%d done (%d frames so far, %.0f s)%n", cam, people.size(), frames,
                            (System.currentTimeMillis() - t0) / 1000.0);
                }
                report.put("closedSetRank1PerPhoto", Map.of("photos", probes, "correct", rank1, "rate", rank1 / (double) probes));
                // the feed is over: wall-clock idle time ends every remaining track
                d.advanceWallClockTime(Duration.ofSeconds(10));
                List<RecognitionEvent> events = out.readValuesToList();
                report.putAll(score(events, truthByCamera, new java.util.HashSet<>(enrolledIds), frames));
            }
            report.put("wallSeconds", (System.currentTimeMillis() - t0) / 1000.0);
            Files.write(Path.of("target/proof.json"), Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report));
            System.out.println(Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            double idRate = (double) ((Map<?, ?>) report.get("enrolledTracks")).get("identificationRate");
            double rejRate = (double) ((Map<?, ?>) report.get("strangerTracks")).get("calledUnknownRate");
            assertTrue(idRate >= 0.7, "identification rate " + idRate);
            assertTrue(rejRate >= 0.7, "stranger rejection " + rejRate);
        } finally {
            chips.analyzer().close();
        }
    }

    static List<Path> probePhotos(List<Path> files) {
        return files.subList(ENROLL_IMAGES, Math.min(files.size(), ENROLL_IMAGES + PROBE_PHOTOS));
    }

    /** A 640x480 frame with the photo scaled so the face is ~130 px wide and centred, drifting a few px per frame. */
    static RgbImage scene(RgbImage photo, DetectedFace f, int k) {
        int w = 640, h = 480;
        double scale = 130.0 / Math.max(20, f.box().width());
        int pw = Math.max(2, (int) Math.round(photo.width() * scale)), ph = Math.max(2, (int) Math.round(photo.height() * scale));
        RgbImage scaled = Images.resize(photo, pw, ph);
        double cx = (f.box().x() + f.box().width() / 2) * scale, cy = (f.box().y() + f.box().height() / 2) * scale;
        int ox = (int) Math.round(w / 2.0 - cx) + 3 * k, oy = (int) Math.round(h / 2.0 - cy) + 2 * k;
        byte[] d = new byte[w * h * 3];
        java.util.Arrays.fill(d, (byte) 90);
        for (int y = 0; y < ph; y++) {
            int ty = y + oy;
            if (ty < 0 || ty >= h) continue;
            int x0 = Math.max(0, -ox), x1 = Math.min(pw, w - ox);
            if (x1 <= x0) continue;
            System.arraycopy(scaled.data(), (y * pw + x0) * 3, d, (ty * w + ox + x0) * 3, (x1 - x0) * 3);
        }
        return new RgbImage(w, h, d);
    }

    static Map<String, Object> score(List<RecognitionEvent> events, Map<String, String> truth, java.util.Set<String> enrolled, int frames) {
        Map<String, List<RecognitionEvent>> byTrack = new LinkedHashMap<>();
        for (RecognitionEvent e : events) byTrack.computeIfAbsent(e.cameraId() + "/" + e.trackId(), k -> new ArrayList<>()).add(e);
        int enrolledTracks = 0, identified = 0, wrongIdentity = 0, strangerTracks = 0, calledUnknown = 0;
        Map<String, Integer> tracksPerCamera = new LinkedHashMap<>();
        List<Integer> eventsPerTrack = new ArrayList<>();
        List<Float> enrolledSim = new ArrayList<>(), strangerSim = new ArrayList<>();
        for (Map.Entry<String, List<RecognitionEvent>> tr : byTrack.entrySet()) {
            List<RecognitionEvent> evs = tr.getValue();
            RecognitionEvent last = evs.stream().filter(e -> e.type().equals("ENDED")).findFirst().orElse(evs.get(evs.size() - 1));
            String who = truth.get(last.cameraId());
            tracksPerCamera.merge(last.cameraId(), 1, Integer::sum);
            eventsPerTrack.add(evs.size());
            (enrolled.contains(who) ? enrolledSim : strangerSim).add(Math.round(last.similarity() * 1000) / 1000f);
            if (enrolled.contains(who)) {
                enrolledTracks++;
                if (who.equals(last.identityId())) identified++;
                else if (last.identityId() != null) wrongIdentity++;
            } else {
                strangerTracks++;
                if (last.identityId() == null) calledUnknown++;
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("frames", frames);
        r.put("events", events.size());
        r.put("tracks", byTrack.size());
        r.put("camerasWithFaces", tracksPerCamera.size());
        r.put("eventsPerTrack", eventsPerTrack.stream().mapToInt(Integer::intValue).average().orElse(0));
        r.put("maxEventsPerTrack", eventsPerTrack.stream().mapToInt(Integer::intValue).max().orElse(0));
        r.put("tracksPerCamera", tracksPerCamera.values().stream().mapToInt(Integer::intValue).average().orElse(0));
        r.put("enrolledTracks", Map.of("tracks", enrolledTracks, "identified", identified, "wrongIdentity", wrongIdentity,
                "identificationRate", enrolledTracks == 0 ? 0.0 : identified / (double) enrolledTracks));
        r.put("strangerTracks", Map.of("tracks", strangerTracks, "calledUnknown", calledUnknown,
                "calledUnknownRate", strangerTracks == 0 ? 0.0 : calledUnknown / (double) strangerTracks));
        r.put("finalSimilarityEnrolledTracks", enrolledSim);
        r.put("finalSimilarityStrangerTracks", strangerSim);
        r.put("eventTypes", events.stream().collect(java.util.stream.Collectors.groupingBy(RecognitionEvent::type,
                java.util.stream.Collectors.counting())));
        return r;
    }
}
