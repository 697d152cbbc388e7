package io.unveil.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.unveil.core.config.Settings;
import io.unveil.core.config.UnveilHome;
import io.unveil.core.image.Images;
import io.unveil.core.image.RgbImage;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.record.Face;
import io.unveil.core.testing.TestData;
import io.unveil.core.topic.Topics;
import io.unveil.deploy.runtime.Pipeline;
import io.unveil.deploy.runtime.PipelineOptions;
import io.unveil.deploy.runtime.Progress;
import io.unveil.ingest.VideoFileWriter;
import io.unveil.research.data.LabeledImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on real faces: embedded KRaft broker + ingest (FFmpeg) + detector (face-api nets, Streams EOS) on a
 * video generated from CelebA photos in ../shared/data, each photo sliding across the frame for a few frames.
 */
@Timeout(600)
class PipelineIntegrationTest {
    static final int W = 480, H = 360, FRAMES_PER_PHOTO = 5, PHOTOS = 3;

    @TempDir
    Path dir;

    @Test
    void facesArriveWithSensibleBoxesAndTrackIds() throws Exception {
        Path celeba = TestData.set("celeba-subset");
        if (new FaceApiModels(UnveilHome.models()).verifyAll() != null) TestData.assumeNpm();
        FaceApiModels.ensureDefault();

        List<Path> photos = photos(celeba);
        Path video = dir.resolve("walk.mp4");
        writeVideo(photos, video);
        int frames = PHOTOS * FRAMES_PER_PHOTO;

        Settings settings = Settings.empty().with("camera.it.url", video.toString()).with("camera.it.fps", "0");
        // the metrics registry is process-wide and other test classes share this JVM: compare increments
        double ingestBefore = counter("unveil.ingest.frames.sent", "camera", "it");
        double detectorBefore = counter("unveil.detector.frames", null, null);
        try (Pipeline p = Pipeline.open(new PipelineOptions(List.of("ingest", "detect"), null, dir.resolve("data"),
                "127.0.0.1", 0, (short) 1, settings));
             KafkaConsumer<String, byte[]> consumer = consumer(p.context().clientProperties());
             Progress progress = new Progress(p.context().clientProperties())) {
            consumer.subscribe(List.of(Topics.FACES.name()));
            p.startRoles();
            List<Face> faces = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(500).toNanos();
            int quiet = 0;
            while (quiet < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r ->
                        faces.add(Topics.FACES.valueSerde().deserializer().deserialize(r.topic(), r.value())));
                quiet = p.inputFinished() && progress.caughtUp(p.context().streamsApps()) ? quiet + 1 : 0;
            }
            consumer.poll(Duration.ofMillis(500)).forEach(r ->
                    faces.add(Topics.FACES.valueSerde().deserializer().deserialize(r.topic(), r.value())));
            assertEquals(2, quiet, "pipeline did not finish in time; faces so far: " + faces.size());

            // every photo has one clear face: most frames give a face
            Set<Long> seqs = new HashSet<>();
            faces.forEach(f -> seqs.add(f.sequence()));
            assertTrue(seqs.size() >= frames * 0.7, "faces in " + seqs.size() + " of " + frames + " frames");
            Map<Integer, Set<Long>> tracksPerPhoto = new HashMap<>();
            for (Face f : faces) {
                assertEquals("it", f.cameraId());
                assertEquals(W, f.frameWidth());
                assertEquals(H, f.frameHeight());
                var b = f.box();
                assertTrue(b.x() > -10 && b.y() > -10 && b.x() + b.width() < W + 10 && b.y() + b.height() < H + 10, "box inside the frame: " + b);
                assertTrue(b.width() >= 40 && b.width() <= 300 && b.height() >= 40 && b.height() <= 330, "face-sized box: " + b);
                assertTrue(f.trackId() > 0);
                RgbImage aligned = Images.decode(f.aligned());
                assertEquals(128, aligned.width());
                assertEquals(150, Images.decode(f.chip()).width());
                tracksPerPhoto.computeIfAbsent((int) (f.sequence() / FRAMES_PER_PHOTO), k -> new HashSet<>()).add(f.trackId());
            }
            // the main (largest) face of each photo is one track while it slides across the frame
            Set<Long> all = new HashSet<>();
            for (var e : tracksPerPhoto.entrySet()) {
                List<Face> big = faces.stream().filter(f -> f.sequence() / FRAMES_PER_PHOTO == e.getKey())
                        .filter(f -> f.box().width() >= 80).toList();
                Set<Long> bigTracks = new HashSet<>();
                big.forEach(f -> bigTracks.add(f.trackId()));
                assertEquals(1, bigTracks.size(), "photo " + e.getKey() + ": one track for its face, got " + bigTracks
                        + " over " + big.size() + " sightings");
                all.addAll(bigTracks);
            }
            assertEquals(tracksPerPhoto.size(), all.size(), "different photos are different tracks");
            assertTrue(tracksPerPhoto.size() >= PHOTOS - 1, "faces from most photos: " + tracksPerPhoto.keySet());

            HttpClient http = HttpClient.newHttpClient();
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.metricsPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(frames, counter("unveil.ingest.frames.sent", "camera", "it") - ingestBefore, 1e-9,
                    () -> "ingest metrics, " + frames + " frames sent: " + metricLines(metrics, "unveil_ingest"));
            assertTrue(metrics.contains("unveil_ingest_frames_sent_total{camera=\"it\"}"), "ingest counter exported");
            assertEquals(frames, counter("unveil.detector.frames", null, null) - detectorBefore, 1e-9,
                    () -> "detector metrics, " + frames + " frames: " + metricLines(metrics, "unveil_detector_frames"));
            assertTrue(metrics.contains("unveil_detector_frames_total"), "detector counter exported");
            assertTrue(metrics.contains("kafka_stream"), "Kafka Streams client metrics are exported");
            var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.metricsPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
        }
    }

    /** The first image of the first identities whose photo has one face big enough to slide across the frame. */
    private static List<Path> photos(Path celeba) {
        var set = LabeledImages.load(celeba);
        List<Path> out = new ArrayList<>();
        for (var e : set.byIdentity().entrySet()) {
            out.add(e.getValue().get(0));
            if (out.size() == PHOTOS) break;
        }
        assumeTrue(out.size() == PHOTOS, "need " + PHOTOS + " identities in celeba-subset");
        return out;
    }

    /** Each photo, scaled to 300 px high, slides 20 px per frame across a grey 480x360 frame. */
    private static void writeVideo(List<Path> photos, Path video) {
        try (VideoFileWriter out = new VideoFileWriter(video, W, H, 5)) {
            for (Path photo : photos) {
                RgbImage img = Images.read(photo);
                int h = 300, w = Math.max(2, img.width() * h / img.height());
                RgbImage scaled = Images.resize(img, w, h);
                for (int i = 0; i < FRAMES_PER_PHOTO; i++) {
                    byte[] canvas = new byte[W * H * 3];
                    java.util.Arrays.fill(canvas, (byte) 110);
                    int ox = 10 + 20 * i, oy = 30;
                    for (int y = 0; y < h && oy + y < H; y++) {
                        int n = Math.min(w, W - ox);
                        if (n > 0) System.arraycopy(scaled.data(), y * w * 3, canvas, ((oy + y) * W + ox) * 3, n * 3);
                    }
                    out.write(new RgbImage(W, H, canvas));
                }
            }
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static double counter(String name, String tag, String value) {
        var search = io.unveil.core.metrics.Metrics.registry().find(name);
        if (tag != null) search = search.tag(tag, value);
        var c = search.counter();
        return c == null ? 0 : c.count();
    }

    private static String metricLines(String metrics, String prefix) {
        return metrics.lines().filter(l -> l.startsWith(prefix)).collect(java.util.stream.Collectors.joining("\n"));
    }
}
