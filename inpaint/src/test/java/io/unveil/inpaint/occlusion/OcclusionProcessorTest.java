package io.unveil.inpaint.occlusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.record.Box;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.serde.Json;
import io.unveil.core.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OcclusionProcessorTest {
    /** Test double: a pixel is occluded when it is pure white (what the paper's block protocol draws). */
    static final class WhitePixels implements FaceOcclusionModel {
        @Override
        public List<OcclusionResult> estimate(List<RgbImage> faces, List<float[]> landmarks) {
            List<OcclusionResult> out = new ArrayList<>();
            for (int n = 0; n < faces.size(); n++) {
                RgbImage f = faces.get(n);
                float[] p = new float[f.width() * f.height()];
                for (int i = 0; i < p.length; i++)
                    p[i] = (f.data()[3 * i] & f.data()[3 * i + 1] & f.data()[3 * i + 2] & 0xff) == 255 ? 1f : 0f;
                out.add(OcclusionEstimator.summarize(p, landmarks.get(n), OcclusionEstimator.Options.DEFAULT));
            }
            return out;
        }

        @Override
        public String model() {
            return "white-pixels-test";
        }
    }

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> in;
    private TestOutputTopic<String, Face> out;
    private TestOutputTopic<String, DeadLetter> dlq;

    @BeforeEach
    void setUp() {
        StreamsBuilder b = new StreamsBuilder();
        OcclusionTopology.faces(b, new WhitePixels()).to(Topics.FACES_REPAIRED.name(), Topics.FACES_REPAIRED.produced());
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "occlusion-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        driver = new TopologyTestDriver(b.build(), p);
        in = driver.createInputTopic(Topics.FACES.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        out = driver.createOutputTopic(Topics.FACES_REPAIRED.name(), Topics.FACES_REPAIRED.keySerde().deserializer(),
                Topics.FACES_REPAIRED.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), Topics.DLQ.keySerde().deserializer(), Topics.DLQ.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static Face face(String id, byte[] aligned) {
        return new Face(id, "cam-1", 1, 1000, 640, 480, 7, new Box(10, 10, 100, 100), 0.9f, MeanFace.landmarks128(), null,
                aligned, null, null, null, false);
    }

    private static byte[] json(Face f) throws Exception {
        return Json.MAPPER.writeValueAsBytes(f);
    }

    @Test
    void occludedAndCleanFacesGetMasksRatiosAndRouting() throws Exception {
        RgbImage clean = TestFaces.synthetic(3);
        Occluded blocked = Occluders.apply(clean, MeanFace.landmarks128(), OccluderType.BLOCK_CENTER, 0);
        in.pipeInput("cam-1", json(face("f1", Images.encodePng(blocked.image()))));
        in.pipeInput("cam-1", json(face("f2", Images.encodePng(clean))));
        List<Face> faces = out.readValuesToList();
        assertEquals(2, faces.size());
        assertTrue(dlq.isEmpty());

        Face f1 = faces.get(0);
        assertEquals("f1", f1.faceId());
        assertNotNull(f1.occlusion());
        assertEquals("white-pixels-test", f1.occlusion().model());
        assertTrue(f1.occlusion().occluded());
        assertTrue(f1.occlusion().nose() > 0.5f, "centre block hides the nose: " + f1.occlusion().nose());
        byte[] mask = MaskImages.decodePng(f1.occlusion().maskPng(), 128, 128);
        assertEquals(1.0, MaskMetrics.iou(mask, blocked.mask()), 1e-9);
        assertEquals(f1.aligned().length, Images.encodePng(blocked.image()).length, "input fields kept");

        Face f2 = faces.get(1);
        assertFalse(f2.occlusion().occluded());
        assertEquals(0f, f2.occlusion().ratio());
    }

    @Test
    void badInputGoesToTheDeadLetterQueue() throws Exception {
        in.pipeInput("cam-1", "not json".getBytes());
        in.pipeInput("cam-1", json(face("f3", new byte[]{(byte) 0x89, 'P', 'N', 'G', 1, 2, 3})));
        in.pipeInput("cam-1", json(face("f4", Images.encodePng(new RgbImage(64, 64, new byte[64 * 64 * 3])))));
        in.pipeInput("cam-1", json(face("f5", null)));
        assertTrue(out.isEmpty());
        List<DeadLetter> dead = dlq.readValuesToList();
        assertEquals(4, dead.size());
        assertTrue(dead.get(0).reason().startsWith("bad-face-record"), dead.get(0).reason());
        assertTrue(dead.get(1).reason().startsWith("undecodable-aligned"), dead.get(1).reason());
        assertTrue(dead.get(2).reason().startsWith("bad-aligned-size"), dead.get(2).reason());
        assertTrue(dead.get(3).reason().startsWith("no-aligned-face"), dead.get(3).reason());
        for (DeadLetter d : dead) {
            assertEquals(OcclusionProcessor.STAGE, d.stage());
            assertEquals(Topics.FACES.name(), d.sourceTopic());
        }
    }

    @Test
    void frameLandmarksAreMappedIntoTheAlignedFace() {
        float[] lm = MeanFace.landmarks128();
        float[] frame = new float[136];
        for (int i = 0; i < 136; i += 2) { // the face at twice the size, shifted, in a frame
            frame[i] = lm[i] * 2 + 100;
            frame[i + 1] = lm[i + 1] * 2 + 50;
        }
        float[] back = OcclusionProcessor.alignedLandmarks(frame);
        for (int i = 34; i < 136; i++) assertEquals(lm[i], back[i], 1.0f, "landmark value " + i);
    }
}
