package io.unveil.recognize.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.record.DeadLetter;
import io.unveil.core.record.Face;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.serde.Json;
import io.unveil.core.topic.Topics;
import io.unveil.recognize.testing.PatternEmbedder;
import io.unveil.recognize.testing.PatternFaces;
import io.unveil.recognize.track.TrackFusion;
import io.unveil.core.testing.RoleStreamsProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import io.unveil.core.runtime.Outcome;
import io.unveil.core.serde.JsonSerde;
import io.unveil.recognize.match.GalleryIndex;
import io.unveil.recognize.match.OpenSetPolicy;
import io.unveil.recognize.track.TrackState;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecognizeTopologyTest {
    static final long ALICE = 1, BOB = 2, CAROL = 3, STRANGER = 99;
    @TempDir
    Path stateDir;
    TopologyTestDriver driver;
    TestInputTopic<String, Face> faces;
    TestInputTopic<String, GalleryEntry> gallery;
    TestOutputTopic<String, RecognitionEvent> events;
    TestOutputTopic<String, DeadLetter> dlq;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PatternEmbedder embedder = new PatternEmbedder();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @BeforeEach
    void setUp() {
        RecognizeConfig cfg = RecognizeConfig.withThreshold(0.8f, "test").withInputTopic(Topics.FACES.name())
                .withIdleTimeout(Duration.ofSeconds(2));
        StreamsBuilder b = new StreamsBuilder();
        RecognizeTopology.buildTopology(b, cfg, embedder, registry);
        Properties p = RoleStreamsProperties.of("unveil-recognize", stateDir);
        driver = new TopologyTestDriver(b.build(), p, t0);
        faces = driver.createInputTopic(Topics.FACES.name(), new StringSerializer(), Topics.FACES.valueSerde().serializer());
        gallery = driver.createInputTopic(Topics.GALLERY.name(), new StringSerializer(), Topics.GALLERY.valueSerde().serializer());
        events = driver.createOutputTopic(Topics.EVENTS.name(), new StringDeserializer(), Topics.EVENTS.valueSerde().deserializer());
        dlq = driver.createOutputTopic(Topics.DLQ.name(), new StringDeserializer(), Topics.DLQ.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    void enroll(String id, long person) {
        gallery.pipeInput(id, new GalleryEntry(id, id.toUpperCase(), PatternFaces.centroid(person), 4, 0.9f, 1,
                t0.toEpochMilli(), t0.toEpochMilli(), Map.of()));
    }

    /** frames of one track, 100 ms apart */
    void track(String cam, long track, long person, int frames, long startMs) {
        for (int i = 0; i < frames; i++) {
            long t = t0.toEpochMilli() + startMs + i * 100L;
            faces.pipeInput(cam, PatternFaces.face(cam, track, i, t, person, 0.8f), t);
        }
    }

    void idle() {
        driver.advanceWallClockTime(Duration.ofSeconds(5));
    }

    @Test
    void enrolledPersonIsMatchedOnceAndEndedOnce() throws Exception {
        enroll("alice", ALICE);
        enroll("bob", BOB);
        track("cam1", 7, ALICE, 6, 0);
        List<RecognitionEvent> live = events.readValuesToList();
        assertEquals(1, live.size(), "one event for six frames");
        RecognitionEvent first = live.get(0);
        assertEquals(TrackFusion.FIRST, first.type());
        assertEquals("alice", first.identityId());
        assertEquals("ALICE", first.name());
        assertNull(first.unknownId());
        assertTrue(first.similarity() >= 0.8f, first.similarity() + " / " + first.margin());
        // bob scores far below the threshold 0.8, so the margin is the similarity's lead over the threshold
        assertEquals(first.similarity() - 0.8f, first.margin(), 1e-5f);
        assertNotNull(first.thumbnails().aligned());
        idle();
        List<RecognitionEvent> end = events.readValuesToList();
        assertEquals(1, end.size());
        assertEquals(TrackFusion.ENDED, end.get(0).type());
        assertEquals("alice", end.get(0).identityId());
        assertEquals(6, end.get(0).frames());
        assertEquals(6, embedder.images);
        assertEquals(6.0, registry.get("unveil.recognize.faces.embedded").counter().count());
        assertEquals(2.0, registry.get("unveil.recognize.gallery.size").gauge().value());
        assertTrue(registry.get("unveil.recognize.match.latency").timer().count() == 6);
        validate(first);
        validate(end.get(0));
    }

    @Test
    void strangerIsUnknownWithAStableAnonymousIdAcrossCameras() throws Exception {
        enroll("alice", ALICE);
        track("cam1", 1, STRANGER, 2, 0);
        assertTrue(events.isEmpty(), "not decided before min frames");
        track("cam1", 1, STRANGER, 3, 200);
        RecognitionEvent first = events.readValue();
        assertEquals(TrackFusion.FIRST, first.type());
        assertNull(first.identityId());
        assertEquals("unknown-1", first.unknownId());
        assertTrue(events.isEmpty());
        idle();
        RecognitionEvent ended = events.readValue();
        assertEquals("unknown-1", ended.unknownId());
        track("cam5", 3, STRANGER, 4, 10_000);
        assertEquals("unknown-1", events.readValue().unknownId(), "same person at another camera");
        track("cam5", 4, CAROL, 4, 20_000);
        List<RecognitionEvent> later = events.readValuesToList();
        assertEquals(List.of("3:ENDED:unknown-1", "4:FIRST:unknown-2"),
                later.stream().map(e -> e.trackId() + ":" + e.type() + ":" + e.unknownId()).toList(),
                "track 3 ends on stream time; another stranger gets another id");
        validate(first);
        validate(ended);
    }

    @Test
    void tombstoneDeletesTheIdentityWithoutRestart() {
        enroll("alice", ALICE);
        track("cam1", 1, ALICE, 3, 0);
        assertEquals("alice", events.readValue().identityId());
        gallery.pipeInput("alice", null);
        idle();
        events.readValuesToList();
        track("cam1", 2, ALICE, 4, 10_000);
        RecognitionEvent e = events.readValue();
        assertNull(e.identityId());
        assertNotNull(e.unknownId());
        assertEquals(0.0, registry.get("unveil.recognize.gallery.size").gauge().value());
    }

    @Test
    void fusionEmitsOnChangeNotPerFrame() {
        enroll("alice", ALICE);
        enroll("bob", BOB);
        track("cam1", 1, ALICE, 2, 0);
        // the tracker kept the id while the person changed: bob's frames outweigh alice's after a while
        for (int i = 0; i < 10; i++) {
            long t = t0.toEpochMilli() + 200 + i * 100L;
            faces.pipeInput("cam1", PatternFaces.face("cam1", 1, 10 + i, t, BOB, 0.9f), t);
        }
        List<RecognitionEvent> ev = events.readValuesToList();
        assertEquals(List.of(TrackFusion.FIRST, TrackFusion.CHANGED), ev.stream().map(RecognitionEvent::type).toList());
        assertEquals("alice", ev.get(0).identityId());
        assertEquals("bob", ev.get(1).identityId());
        idle();
        assertEquals(TrackFusion.ENDED, events.readValue().type());
    }

    @Test
    void lowQualityFramesWeighLess() {
        enroll("alice", ALICE);
        enroll("bob", BOB);
        // one good alice frame, then several very poor bob frames: alice must stay the decision
        faces.pipeInput("cam1", PatternFaces.face("cam1", 1, 0, t0.toEpochMilli(), ALICE, 1.0f), t0.toEpochMilli());
        for (int i = 1; i <= 3; i++)
            faces.pipeInput("cam1", PatternFaces.face("cam1", 1, i, t0.toEpochMilli() + i * 100, BOB, 0.05f), t0.toEpochMilli() + i * 100);
        List<RecognitionEvent> ev = events.readValuesToList();
        assertEquals(1, ev.size());
        assertEquals("alice", ev.get(0).identityId());
    }

    @Test
    void newEnrollmentFindsPastSightingsRetroactively() throws Exception {
        enroll("alice", ALICE);
        track("cam2", 5, CAROL, 4, 0);
        idle();
        List<RecognitionEvent> before = events.readValuesToList();
        assertEquals(List.of(TrackFusion.FIRST, TrackFusion.ENDED), before.stream().map(RecognitionEvent::type).toList());
        assertNotNull(before.get(0).unknownId());
        enroll("carol", CAROL);
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        List<RecognitionEvent> retro = events.readValuesToList();
        assertEquals(1, retro.size());
        RecognitionEvent r = retro.get(0);
        assertEquals(TrackFusion.RETROACTIVE, r.type());
        assertTrue(r.retroactive());
        assertEquals("carol", r.identityId());
        assertEquals("cam2", r.cameraId());
        assertEquals(5, r.trackId());
        validate(r);
        // updating carol (same id) does not search again; a new unrelated identity finds nothing
        enroll("carol", CAROL);
        enroll("bob", BOB);
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        assertTrue(events.isEmpty());
    }

    @Test
    void undecodableChipGoesToTheDeadLetterQueue() {
        Face good = PatternFaces.face("cam1", 1, 0, t0.toEpochMilli(), ALICE, 0.8f);
        Face bad = new Face(good.faceId(), good.cameraId(), 0, good.captureTimeMs(), 640, 480, 1, good.box(), 0.9f,
                good.landmarks(), good.quality(), good.aligned(), new byte[]{1, 2, 3}, null, null, false);
        faces.pipeInput("cam1", bad);
        DeadLetter d = dlq.readValue();
        assertEquals("recognize", d.stage());
        assertTrue(d.reason().contains("undecodable"), d.reason());
        assertEquals(Topics.FACES.name(), d.sourceTopic());
        assertTrue(events.isEmpty());
    }

    @Test
    void aPersonLostForLessThanTheGapIsOneVisit() throws Exception {
        enroll("alice", ALICE);
        enroll("bob", BOB);
        track("cam1", 7, ALICE, 6, 0);
        // the tracker lost her for a second (a detection gap, or a looped clip jumping back): a new track id
        track("cam1", 8, ALICE, 6, 1_500);
        List<RecognitionEvent> live = events.readValuesToList();
        assertEquals(List.of("7:FIRST:alice"), live.stream().map(e -> e.trackId() + ":" + e.type() + ":" + e.identityId()).toList());
        idle();
        RecognitionEvent end = events.readValue();
        assertEquals(TrackFusion.ENDED, end.type());
        assertEquals(7, end.trackId());
        assertEquals(12, end.frames());
        assertEquals(2, end.visit().tracks());
        assertEquals(12, end.visit().frames());
        assertEquals(t0.toEpochMilli(), end.visit().startMs());
        assertEquals(t0.toEpochMilli() + 2_000, end.visit().endMs());
        assertTrue(end.visit().bestSimilarity() >= end.similarity() - 1e-6f);
        assertEquals(0f, end.visit().occludedShare());
        assertTrue(events.isEmpty());
        assertEquals(1.0, registry.get("unveil.recognize.visits.rejoined").counter().count());
        validate(live.get(0));
        validate(end);
    }

    @Test
    void enrollingSomeoneSeenInOneVisitOfThreeTracksGivesOneRetroactiveEvent() throws Exception {
        // the reported case: one person, their tracker track broken again and again, 18 RETROACTIVE rows at enrollment
        enroll("alice", ALICE);
        track("cam2", 5, CAROL, 4, 0);
        track("cam2", 6, CAROL, 4, 1_000);
        track("cam2", 9, CAROL, 4, 2_000);
        idle();
        assertEquals(List.of(TrackFusion.FIRST, TrackFusion.ENDED), events.readValuesToList().stream().map(RecognitionEvent::type).toList());
        enroll("carol", CAROL);
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        List<RecognitionEvent> retro = events.readValuesToList();
        assertEquals(1, retro.size(), "one RETROACTIVE per visit: " + retro);
        assertEquals(TrackFusion.RETROACTIVE, retro.get(0).type());
        assertEquals(5, retro.get(0).trackId());
        assertEquals(3, retro.get(0).visit().tracks());
        assertEquals(12, retro.get(0).visit().frames());
        validate(retro.get(0));
    }

    @Test
    void aGapLongerThanTheVisitGapEndsTheVisitBeforeTheNextOneStarts() {
        enroll("alice", ALICE);
        track("cam1", 7, ALICE, 3, 0);
        track("cam1", 8, ALICE, 3, 200 + 2_000);
        assertEquals(List.of("7:FIRST", "7:ENDED", "8:FIRST"),
                events.readValuesToList().stream().map(e -> e.trackId() + ":" + e.type()).toList());
    }

    /** One face of {@code track} at {@code atMs} after t0 (frame number = its 100 ms slot). */
    void face(String cam, long track, long person, long atMs) {
        long t = t0.toEpochMilli() + atMs;
        faces.pipeInput(cam, PatternFaces.face(cam, track, atMs / 100, t, person, 0.8f), t);
    }

    @Test
    void facesOfAVisitOutOfCaptureTimeOrderJoinIt() {
        // the inpaint batch holds occluded faces while plain ones pass: one visit's faces arrive shuffled
        enroll("alice", ALICE);
        for (long at : new long[]{300, 0, 100, 500, 200, 400}) face("cam1", 7, ALICE, at);
        idle();
        List<RecognitionEvent> all = events.readValuesToList();
        assertEquals(List.of("7:FIRST", "7:ENDED"), all.stream().map(e -> e.trackId() + ":" + e.type()).toList());
        RecognitionEvent end = all.get(1);
        assertEquals(6, end.frames());
        assertEquals(t0.toEpochMilli(), end.visit().startMs());
        assertEquals(t0.toEpochMilli() + 500, end.visit().endMs());
        assertEquals(0.0, registry.get("unveil.recognize.faces.late").counter().count());
    }

    @Test
    void aLateFaceOfAnEndedVisitIsDroppedAndCountedNotASecondVisit() {
        // the live evaluation's case (seed 1: 13 visits with two ENDED): a masked visit's last face held by the inpaint
        // batch reaches the recognizer after the next person's face, which is a gap (2 s here) past the visit
        enroll("alice", ALICE);
        enroll("bob", BOB);
        for (long at : new long[]{0, 100, 200, 300}) face("cam1", 7, ALICE, at);
        face("cam1", 8, BOB, 2_500); // the camera is a gap past alice's visit: it ends here
        face("cam1", 7, ALICE, 400); // alice's late face: within her visit, which has had its ENDED
        for (long at : new long[]{2_600, 2_700, 2_800}) face("cam1", 8, BOB, at);
        face("cam1", 7, ALICE, 500); // another late one, now after the quiet timeout too
        idle();
        face("cam1", 7, ALICE, 600);
        idle();
        List<String> seen = events.readValuesToList().stream().map(e -> e.trackId() + ":" + e.type() + ":" + e.frames()).toList();
        assertEquals(List.of("7:FIRST:2", "7:ENDED:4", "8:FIRST:2", "8:ENDED:4"), seen);
        assertEquals(3.0, registry.get("unveil.recognize.faces.late").counter().count());
    }

    @Test
    void theEndedVisitMarksAreChangeloggedLikeTheVisits() {
        // a changelogged store, so a restart or a task move restores them (the visits' store is changelogged too)
        for (long at : new long[]{0, 100, 200}) face("cam1", 7, STRANGER, at);
        face("cam1", 8, STRANGER, 2_500); // ends track 7's visit by the gap rule
        TestOutputTopic<String, Long> log = driver.createOutputTopic("unveil-recognize-" + RecognizeTopology.ENDED_STORE + "-changelog",
                new StringDeserializer(), new LongDeserializer());
        assertEquals(Map.of("cam1/7", t0.toEpochMilli() + 200), log.readKeyValuesToMap());
    }

    @Test
    void aLateFaceAfterARestartIsStillLate() {
        // TopologyTestDriver.close() deletes its state folder, so the restart is a new FaceProcessor over the stores the
        // first one left, as the changelogs restore them for a restarted or moved task on a broker
        RecognizeConfig cfg = RecognizeConfig.withThreshold(0.8f, "test").withInputTopic(Topics.FACES.name())
                .withIdleTimeout(Duration.ofSeconds(2));
        SimpleMeterRegistry reg = new SimpleMeterRegistry();
        GalleryIndex index = new GalleryIndex(cfg.center(), cfg.thresholds(), cfg.occlusionCentroids());
        RecognizeMetrics metrics = new RecognizeMetrics(reg, index, false);
        TrackFusion fusion = new TrackFusion(new OpenSetPolicy(cfg.threshold(), cfg.minMargin()), cfg.decisionRule());
        MockProcessorContext<String, Outcome<Routed>> before = new MockProcessorContext<>();
        KeyValueStore<String, TrackState> visits = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RecognizeTopology.TRACK_STORE),
                Serdes.String(), new JsonSerde<>(TrackState.class)).withLoggingDisabled().build();
        KeyValueStore<String, Long> ended = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RecognizeTopology.ENDED_STORE),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
        visits.init(before.getStateStoreContext(), visits);
        ended.init(before.getStateStoreContext(), ended);
        before.addStateStore(visits);
        before.addStateStore(ended);
        FaceProcessor first = new FaceProcessor(embedder, index, fusion, cfg, metrics, RecognizeTopology.TRACK_STORE, RecognizeTopology.ENDED_STORE);
        long t = t0.toEpochMilli();
        before.setCurrentSystemTimeMs(t);
        first.init(before);
        for (long at : new long[]{0, 100, 200, 300}) first.process(new Record<>("cam1", PatternFaces.face("cam1", 7, at / 100, t + at, STRANGER, 0.8f), t + at));
        first.process(new Record<>("cam1", PatternFaces.face("cam1", 8, 25, t + 2_500, BOB, 0.8f), t + 2_500)); // ends track 7's visit
        assertNull(visits.get("cam1/7"), "track 7's visit has ended");

        MockProcessorContext<String, Outcome<Routed>> after = new MockProcessorContext<>();
        after.addStateStore(visits);
        after.addStateStore(ended);
        after.setCurrentSystemTimeMs(t + 1_000);
        FaceProcessor restarted = new FaceProcessor(embedder, index, fusion, cfg, metrics, RecognizeTopology.TRACK_STORE, RecognizeTopology.ENDED_STORE);
        restarted.init(after);
        restarted.process(new Record<>("cam1", PatternFaces.face("cam1", 7, 4, t + 400, STRANGER, 0.8f), t + 400)); // held by the inpaint batch
        assertEquals(1.0, reg.get("unveil.recognize.faces.late").counter().count(), "dropped as late, as before the restart");
        assertNull(visits.get("cam1/7"), "no second visit for track 7");
        assertTrue(after.forwarded().isEmpty());
    }

    @Test
    void aVisitEndedByTheQuietTimeoutIsNotRememberedItsTrackGoesOnInANewVisit() {
        // the wall clock ran on while the pipeline stalled (a rebalance, a killed worker): the faces that follow are in
        // capture order, not late, and are counted in a new visit rather than dropped (ClusterFaultTest)
        enroll("alice", ALICE);
        for (long at : new long[]{0, 100, 200}) face("cam1", 7, ALICE, at);
        idle();
        for (long at : new long[]{300, 400, 500}) face("cam1", 7, ALICE, at);
        idle();
        assertEquals(List.of("FIRST:2", "ENDED:3", "FIRST:2", "ENDED:3"),
                events.readValuesToList().stream().map(e -> e.type() + ":" + e.frames()).toList());
        assertEquals(0.0, registry.get("unveil.recognize.faces.late").counter().count());
    }

    @Test
    void theSameTrackAGapAfterItsEndedVisitIsANewVisit() {
        // not late: the gap rule says a face a gap after the visit's last face starts a visit, tracker id or not
        enroll("alice", ALICE);
        enroll("bob", BOB);
        for (long at : new long[]{0, 100, 200}) face("cam1", 7, ALICE, at);
        face("cam1", 8, BOB, 2_200); // ends alice's visit by the gap rule: her track is remembered
        for (long at : new long[]{2_200, 2_300}) face("cam1", 7, ALICE, at);
        List<String> seen = events.readValuesToList().stream().map(e -> e.trackId() + ":" + e.type() + ":" + e.frames()).toList();
        assertEquals(List.of("7:FIRST:2", "7:ENDED:3", "7:FIRST:2"), seen);
        assertEquals(0.0, registry.get("unveil.recognize.faces.late").counter().count());
    }

    @Test
    void someoneElseWithinTheGapStartsTheirOwnVisit() {
        enroll("alice", ALICE);
        enroll("bob", BOB);
        track("cam1", 7, ALICE, 3, 0);
        track("cam1", 8, BOB, 3, 500);
        assertEquals(List.of("7:FIRST:alice", "8:FIRST:bob"),
                events.readValuesToList().stream().map(e -> e.trackId() + ":" + e.type() + ":" + e.identityId()).toList());
        assertEquals(0.0, registry.get("unveil.recognize.visits.rejoined").counter().count());
    }

    @Test
    void everyEventOfAVisitLeavesThroughOneSinglePartitionPathKeyedByCamera() {
        // named and unknown decisions once took two paths (unknown ones through a repartition topic), and a visit's
        // CHANGED to a name reached consumers before its FIRST unknown. Now the face processor's sub-topology writes
        // nothing to unveil.events itself: everything goes through the one-partition decisions topic.
        StreamsBuilder b = new StreamsBuilder();
        RecognizeTopology.buildTopology(b, RecognizeConfig.withThreshold(0.8f, "test").withInputTopic(Topics.FACES.name()),
                embedder, new SimpleMeterRegistry());
        boolean found = false;
        for (TopologyDescription.Subtopology sub : b.build().describe().subtopologies()) {
            boolean readsFaces = sub.nodes().stream().anyMatch(n -> n instanceof TopologyDescription.Source src
                    && src.topicSet() != null && src.topicSet().contains(Topics.FACES.name()));
            if (!readsFaces) continue;
            found = true;
            for (TopologyDescription.Node n : sub.nodes())
                if (n instanceof TopologyDescription.Sink sink)
                    assertFalse(Topics.EVENTS.name().equals(sink.topic()), "the face sub-topology writes events directly: " + sub);
        }
        assertTrue(found);
        // and on the output, an unknown visit that turns out to be alice: FIRST then CHANGED, same key
        enroll("alice", ALICE);
        track("cam1", 3, STRANGER, 4, 0);
        for (int i = 0; i < 12; i++) {
            long t = t0.toEpochMilli() + 400 + i * 100L;
            faces.pipeInput("cam1", PatternFaces.face("cam1", 3, 10 + i, t, ALICE, 1f), t);
        }
        List<org.apache.kafka.streams.test.TestRecord<String, RecognitionEvent>> out = events.readRecordsToList();
        assertEquals(List.of("cam1:FIRST:null", "cam1:CHANGED:alice"),
                out.stream().map(r -> r.key() + ":" + r.value().type() + ":" + r.value().identityId()).toList());
    }

    static JsonSchema schema() throws Exception {
        Path root = Path.of(System.getProperty("unveil.repo.root", "..")).resolve("docs/event.schema.json");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.newInputStream(root));
    }

    static void validate(RecognitionEvent e) throws Exception {
        JsonNode json = Json.MAPPER.readTree(Topics.EVENTS.valueSerde().serializer().serialize("t", e));
        Set<ValidationMessage> errors = schema().validate(json);
        assertTrue(errors.isEmpty(), "schema violations: " + errors + " in " + json);
    }

    @Test
    void schemaRejectsAnEventWithBothIdentityAndUnknownId() throws Exception {
        RecognitionEvent bad = new RecognitionEvent("e", "FIRST", "cam", 1, 1, null, "alice", "A", "unknown-1", 0.9f,
                0.1f, 1, 0, false, false, Map.of(), null);
        JsonNode json = Json.MAPPER.valueToTree(bad);
        assertFalse(schema().validate(json).isEmpty());
    }
}
