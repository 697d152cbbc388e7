package io.unveil.detector.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.record.Box;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.record.Frame;
import io.unveil.core.serde.FrameSerde;
import io.unveil.core.topic.Topics;
import io.unveil.detector.DetectedFace;
import io.unveil.detector.FaceAnalyzer;
import io.unveil.detector.faceapi.FaceLandmark68Net;
import io.unveil.core.testing.RoleStreamsProperties;
import io.unveil.detector.ParityFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorTopologyTest {
    static final int W = 320, H = 240;

    @TempDir
    Path stateDir;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> raw;
    TestOutputTopic<String, Face> faces;
    TestOutputTopic<String, DeadLetter> dlq;

    private void start(FaceAnalyzer analyzer, DetectorConfig config) {
        start(analyzer, config, cropper());
    }

    private void start(FaceAnalyzer analyzer, DetectorConfig config, FaceCropper cropper) {
        StreamsBuilder b = new StreamsBuilder();
        DetectorTopology.buildTopology(b, config, analyzer, cropper, registry);
        Properties p = RoleStreamsProperties.of(DetectorTopology.APPLICATION_ID, stateDir);
        driver = new TopologyTestDriver(b.build(), p);
        raw = driver.createInputTopic(Topics.FRAMES.name(), new StringSerializer(), new ByteArraySerializer());
        faces = driver.createOutputTopic(Topics.FACES.name(), Serdes.String().deserializer(), Topics.FACES.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), Serdes.String().deserializer(), Topics.DLQ.valueSerde().deserializer());
    }

    FaceCropper cropper() {
        return AlignedCropper.INSTANCE;
    }

    @AfterEach
    void close() {
        if (driver != null) driver.close();
    }

    private void send(String camera, long seq, long timeMs, byte[] jpeg) {
        RecordHeaders h = new RecordHeaders();
        byte[] value = Topics.FRAMES.valueSerde().serializer().serialize(Topics.FRAMES.name(), h,
                new Frame(camera, seq, timeMs, jpeg));
        raw.pipeInput(new TestRecord<>(camera, value, h, Instant.ofEpochMilli(timeMs)));
    }

    @Test
    void goodFrameGivesAlignedTrackedFaces() {
        start(new SyntheticFaces(), DetectorConfig.defaults());
        send("lobby", 7, 1_000, SyntheticFaces.jpeg(W, H, true, new int[]{30, 60, 80}, new int[]{180, 50, 100}));
        List<TestRecord<String, Face>> out = faces.readRecordsToList();
        assertEquals(2, out.size());
        assertTrue(dlq.isEmpty());
        Face a = out.get(0).value(), b = out.get(1).value();
        assertEquals("lobby", out.get(0).key());
        assertEquals("lobby", a.cameraId());
        assertEquals(7, a.sequence());
        assertEquals(1_000, a.captureTimeMs());
        assertEquals(W, a.frameWidth());
        assertEquals(H, a.frameHeight());
        assertNotEquals(a.trackId(), b.trackId());
        assertTrue(a.trackId() > 0 && b.trackId() > 0);
        // largest face first: the 100 px square at (180,50)
        assertEquals(180, a.box().x(), 3);
        assertEquals(50, a.box().y(), 3);
        assertEquals(100, a.box().width(), 4);
        assertEquals(30, b.box().x(), 3);
        assertEquals(136, a.landmarks().length);
        RgbImage aligned = Images.decode(a.aligned()), chip = Images.decode(a.chip());
        assertEquals(128, aligned.width());
        assertEquals(128, aligned.height());
        assertEquals(150, chip.width());
        assertNotNull(a.quality());
        assertTrue(a.quality().sharpness() > DetectorConfig.defaults().minSharpness());
        assertTrue(a.quality().score() > 0 && a.quality().score() <= 1);
        assertEquals(100, a.quality().sizePx(), 4);
        assertNotEquals(a.faceId(), b.faceId());
        assertEquals(2.0, registry.get("unveil.detector.faces.emitted").counter().count());
        assertEquals(1.0, registry.get("unveil.detector.frames").counter().count());
    }

    @Test
    void trackIdsStayWhileAFaceMovesAndNewFacesGetNewOnes() {
        start(new SyntheticFaces(), DetectorConfig.defaults());
        long walker = -1;
        for (int i = 0; i < 12; i++) {
            int[] face = {10 + 12 * i, 70, 70};
            long t = 10_000 + i * 100L;
            if (i < 6) send("door", i, t, SyntheticFaces.jpeg(W, H, true, face));
            else send("door", i, t, SyntheticFaces.jpeg(W, H, true, face, new int[]{250, 20, 60}));
            for (Face f : faces.readValuesToList()) {
                if (f.box().x() < 240) {
                    if (walker < 0) walker = f.trackId();
                    assertEquals(walker, f.trackId(), "the walking face keeps its track at frame " + i);
                } else {
                    assertNotEquals(walker, f.trackId(), "a second face gets its own track");
                }
            }
        }
        // same place after a long gap: a new track
        send("door", 12, 10_000 + 11 * 100L + 5_000, SyntheticFaces.jpeg(W, H, true, new int[]{10 + 12 * 11, 70, 70}));
        Face later = faces.readValue();
        assertNotEquals(walker, later.trackId());
        // another camera has its own tracks
        send("yard", 0, 20_000, SyntheticFaces.jpeg(W, H, true, new int[]{10, 70, 70}));
        assertEquals("yard", faces.readValue().cameraId());
    }

    @Test
    void garbageGoesToTheDeadLetterQueueAndTheTopologyGoesOn() {
        start(new SyntheticFaces(), DetectorConfig.defaults());
        RecordHeaders h = new RecordHeaders();
        h.add(FrameSerde.H_CAMERA, "lobby".getBytes(StandardCharsets.UTF_8));
        h.add(FrameSerde.H_SEQUENCE, "1".getBytes(StandardCharsets.UTF_8));
        h.add(FrameSerde.H_CAPTURE_MS, "5".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>("lobby", "not a jpeg at all".getBytes(StandardCharsets.UTF_8), h, Instant.ofEpochMilli(5)));
        raw.pipeInput(new TestRecord<>("lobby", SyntheticFaces.jpeg(W, H, true, new int[]{30, 60, 80}), new RecordHeaders(), Instant.ofEpochMilli(6)));
        raw.pipeInput(new TestRecord<>("lobby", new byte[0], h, Instant.ofEpochMilli(7)));
        raw.pipeInput(new TestRecord<>("lobby", null, h, Instant.ofEpochMilli(8)));
        RecordHeaders badSeq = new RecordHeaders();
        badSeq.add(FrameSerde.H_CAMERA, "lobby".getBytes(StandardCharsets.UTF_8));
        badSeq.add(FrameSerde.H_SEQUENCE, "x1".getBytes(StandardCharsets.UTF_8));
        badSeq.add(FrameSerde.H_CAPTURE_MS, "5".getBytes(StandardCharsets.UTF_8));
        raw.pipeInput(new TestRecord<>("lobby", SyntheticFaces.jpeg(W, H, true, new int[]{30, 60, 80}), badSeq, Instant.ofEpochMilli(9)));
        byte[] truncated = SyntheticFaces.jpeg(W, H, true, new int[]{30, 60, 80});
        send("lobby", 2, 10, java.util.Arrays.copyOf(truncated, 40));

        List<DeadLetter> dead = dlq.readValuesToList();
        assertEquals(6, dead.size(), "every bad record is dead-lettered: " + dead.stream().map(DeadLetter::reason).toList());
        assertTrue(dead.get(0).reason().startsWith("undecodable-image"), dead.get(0).reason());
        assertTrue(dead.get(1).reason().startsWith("bad-frame") && dead.get(1).reason().contains("missing header"), dead.get(1).reason());
        assertTrue(dead.get(2).reason().contains("empty frame"), dead.get(2).reason());
        assertTrue(dead.get(3).reason().contains("empty frame"), dead.get(3).reason());
        assertTrue(dead.get(4).reason().contains("not a number"), dead.get(4).reason());
        assertTrue(dead.get(5).reason().startsWith("undecodable-image"), dead.get(5).reason());
        DeadLetter d0 = dead.get(0);
        assertEquals("detector", d0.stage());
        assertEquals(Topics.FRAMES.name(), d0.sourceTopic());
        assertEquals(0, d0.offset());
        assertEquals("lobby", d0.key());
        assertEquals("lobby", d0.headers().get(FrameSerde.H_CAMERA));
        assertEquals("not a jpeg at all", new String(d0.payload(), StandardCharsets.UTF_8));
        assertTrue(faces.isEmpty());

        send("lobby", 3, 11, SyntheticFaces.jpeg(W, H, true, new int[]{30, 60, 80}));
        assertEquals(1, faces.readValuesToList().size(), "a good frame after garbage is processed");
        assertEquals(4.0, registry.get("unveil.detector.dead.letters").tag("reason", "bad-frame").counter().count());
    }

    @Test
    void detectorFailureIsADeadLetterNotACrash() {
        FaceAnalyzer flaky = new FaceAnalyzer() {
            final SyntheticFaces real = new SyntheticFaces();

            @Override
            public List<DetectedFace> detect(RgbImage image) {
                if (image.width() == 64) throw new IllegalStateException("model exploded");
                return real.detect(image);
            }

            @Override
            public String model() {
                return "flaky";
            }

            @Override
            public void close() {
            }
        };
        start(flaky, DetectorConfig.defaults());
        send("c", 0, 1, SyntheticFaces.jpeg(64, 64, true, new int[]{10, 10, 40}));
        send("c", 1, 2, SyntheticFaces.jpeg(W, H, true, new int[]{30, 60, 80}));
        DeadLetter d = dlq.readValue();
        assertTrue(d.reason().startsWith("detector-error") && d.reason().contains("model exploded"), d.reason());
        assertEquals(1, faces.readValuesToList().size());
    }

    @Test
    void aFailureTheStageDoesNotExpectIsDeadLetteredByTheProductionHandler() {
        FaceCropper real = cropper();
        int[] calls = {0};
        // a cropper with a bug: its first crops are empty, which the stage does not check for (it throws)
        start(new SyntheticFaces(), DetectorConfig.defaults(), (frame, lm) ->
                calls[0]++ == 0 ? new FaceCropper.Crops(null, null) : real.crop(frame, lm));
        send("c", 0, 1, SyntheticFaces.jpeg(W, H, true, new int[]{100, 60, 90}));
        send("c", 1, 2, SyntheticFaces.jpeg(W, H, true, new int[]{100, 60, 90}));
        DeadLetter d = dlq.readValue();
        assertEquals(DetectorTopology.APPLICATION_ID, d.stage(), "sent by the Streams handler RoleContext configures");
        assertTrue(d.reason().startsWith("processing-error: NullPointerException"), d.reason());
        assertEquals(Topics.FRAMES.name(), d.sourceTopic());
        assertEquals(0, d.offset());
        assertTrue(dlq.isEmpty());
        assertEquals(1, faces.readValuesToList().size(), "the next frame goes through");
    }

    @Test
    void qualityGateRejectsSmallAndBlurryFacesByReason() {
        start(new SyntheticFaces(), DetectorConfig.defaults());
        send("c", 0, 1, SyntheticFaces.jpeg(W, H, true, new int[]{30, 60, 24}));
        assertTrue(faces.isEmpty(), "a 24 px face is below detector.min-face-px=40");
        assertEquals(1.0, registry.get("unveil.detector.rejected").tag("reason", "small").counter().count());

        send("c", 1, 2, Images.encodeJpeg(blur(SyntheticFaces.frame(W, H, true, new int[]{100, 60, 90})), 95));
        assertTrue(faces.isEmpty(), "a blurred face is rejected");
        assertEquals(1.0, registry.get("unveil.detector.rejected").tag("reason", "blurry").counter().count());

        send("c", 2, 3, SyntheticFaces.jpeg(W, H, true, new int[]{100, 60, 90}));
        assertEquals(1, faces.readValuesToList().size(), "the same face in focus passes");
    }

    @Test
    void thresholdsComeFromSettings() {
        var s = io.unveil.core.config.Settings.empty().with("detector.min-face-px", "10").with("detector.min-sharpness", "0");
        start(new SyntheticFaces(), DetectorConfig.from(s));
        send("c", 0, 1, SyntheticFaces.jpeg(W, H, true, new int[]{30, 60, 24}));
        assertEquals(1, faces.readValuesToList().size());
    }

    /**
     * {@code detector.model=ssd}: the analyzer the detect role gets is face-api's SSD-MobileNetV1 + landmarks, its
     * score threshold is {@code detector.min-score}, and the topology runs with it: on face-api's demo photo with five
     * faces (SSD scores 0.90-0.99, fixture from face-api itself), every face passed on is one SSD finds there.
     */
    @Test
    void theSsdDetectorRunsTheTopologyOnARealPhoto() throws Exception {
        ParityFixtures.assumeModels();
        JsonNode photo = null;
        for (JsonNode img : ParityFixtures.read("ssd-detections.json").get("images"))
            if (img.get("file").asText().equals("demo/sample5.jpg")) photo = img;
        byte[] jpeg = Files.readAllBytes(FaceApiModels.ensureDefault().file(photo.get("file").asText()));
        List<Box> expected = new ArrayList<>();
        for (JsonNode e : photo.get("detections")) {
            float[] b = ParityFixtures.floats(e.get("box"));
            expected.add(new Box(b[0], b[1], b[2], b[3]));
        }
        assertEquals(5, expected.size());
        try (FaceAnalyzer strict = DetectorModels.ssd(Settings.empty().with("detector.min-score", "0.92"), FaceLandmark68Net.load())) {
            assertEquals(4, strict.detect(Images.decode(jpeg)).size(), "the 0.90 face is below detector.min-score 0.92");
        }
        try (FaceAnalyzer ssd = DetectorModels.ssd(Settings.empty(), FaceLandmark68Net.load())) {
            assertEquals("face-api-1.7.15/ssd_mobilenetv1+face_landmark_68", ssd.model());
            assertEquals(5, ssd.detect(Images.decode(jpeg)).size());
            start(ssd, DetectorConfig.defaults());
            send("lobby", 0, 1_000, jpeg);
            List<Face> out = faces.readValuesToList();
            assertTrue(dlq.isEmpty());
            assertFalse(out.isEmpty(), "no face passed the quality gate");
            for (Face f : out) {
                double best = expected.stream().mapToDouble(e -> e.iou(f.box())).max().orElse(0);
                assertTrue(best >= 0.95, "face " + f.box() + " is not one SSD finds (best IoU " + best + ")");
                assertEquals(136, f.landmarks().length);
            }
        }
    }

    static RgbImage blur(RgbImage img) {
        Function<RgbImage, RgbImage> gaussian = im -> {
            try (var m = Images.toBgrMat(im); var out = new org.bytedeco.opencv.opencv_core.Mat()) {
                org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur(m, out, new org.bytedeco.opencv.opencv_core.Size(0, 0), 6.0);
                return Images.fromBgrMat(out);
            }
        };
        return gaussian.apply(img);
    }
}
