package io.unveil.recognize.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.Box;
import io.unveil.core.record.Face;
import io.unveil.core.record.GalleryEntry;
import io.unveil.core.record.Occlusion;
import io.unveil.core.record.Quality;
import io.unveil.recognize.match.CentroidMatcher;
import io.unveil.recognize.match.OpenSetPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The visit's decision state machine on a three-person fake gallery (orthogonal 3-D "descriptors"). */
class TrackFusionTest {
    static final float[] ALICE = {1, 0, 0}, BOB = {0, 1, 0}, STRANGER = {0, 0, 1};
    /** Half alice, mostly stranger: cosine 0.6 to alice, below the 0.8 threshold. */
    static final float[] POOR_ALICE = {0.6f, 0, 0.8f};
    final CentroidMatcher gallery = CentroidMatcher.of(List.of(entry("alice", ALICE), entry("bob", BOB)));
    final TrackFusion fusion = new TrackFusion(new OpenSetPolicy(0.8f, 0f), new DecisionRule(2, 4, 3));
    final TrackState visit = new TrackState("cam", 7, 3);
    final List<String> events = new ArrayList<>();
    long time = 1_000;

    static GalleryEntry entry(String id, float[] c) {
        return new GalleryEntry(id, id.toUpperCase(), c, 3, 0.8f, 1, 0, 0, Map.of());
    }

    static Face face(long timeMs, float quality, Occlusion occlusion, boolean inpainted) {
        return new Face("f" + timeMs, "cam", timeMs, timeMs, 640, 480, 7, new Box(1, 1, 50, 50), 0.9f, new float[136],
                new Quality(100, 100, 0, 0, 0, quality), null, null, occlusion, null, inpainted);
    }

    /** Feeds one frame of quality q; records "type:label" when an event is due; returns the visit's current label. */
    String frame(float[] who, float q) {
        TrackDecision d = fusion.add(visit, face(time += 200, q, null, false), who, 0, gallery);
        if (d.emits()) events.add(d.type() + ":" + d.label());
        return d.label();
    }

    void frames(float[] who, float q, int n) {
        for (int i = 0; i < n; i++) frame(who, q);
    }

    @Test
    void aNameIsAnnouncedAfterTwoFramesInARowAndNotBefore() {
        assertNull(frame(ALICE, 1f), "one frame is not evidence");
        assertTrue(events.isEmpty());
        assertEquals("alice", frame(ALICE, 1f));
        assertEquals(List.of("FIRST:alice"), events);
        assertEquals(2, visit.firstDecisionFrames);
        frames(ALICE, 1f, 5);
        assertEquals(List.of("FIRST:alice"), events, "no event while nothing changes");
    }

    @Test
    void unknownNeedsFourFramesInARow() {
        frames(STRANGER, 1f, 3);
        assertTrue(events.isEmpty());
        frame(STRANGER, 1f);
        assertEquals(List.of("FIRST:unknown"), events);
        assertEquals(4, visit.firstDecisionFrames);
    }

    @Test
    void aKnownPersonWhoseFirstFramesAreNotEnoughIsNeverAnnouncedUnknownFirst() {
        // the reported case: three frames below the threshold, then the fused embedding crosses it. Announcing unknown
        // after three frames (the old rule) gave "unknown-1" and a CHANGED to the name one frame later.
        frames(POOR_ALICE, 0.5f, 3);
        frames(ALICE, 1f, 4);
        assertEquals(List.of("FIRST:alice"), events);
        assertEquals(5, visit.firstDecisionFrames, "the latency the rule costs here: 5 frames");
    }

    @Test
    void anotherNameNeedsThreeFramesInARow() {
        frames(ALICE, 0.1f, 2);
        assertEquals(List.of("FIRST:alice"), events);
        assertEquals("alice", frame(BOB, 1f), "bob's first frame does not switch the name");
        assertEquals("alice", frame(BOB, 1f));
        assertEquals(List.of("FIRST:alice"), events);
        assertEquals("bob", frame(BOB, 1f));
        assertEquals(List.of("FIRST:alice", "CHANGED:bob"), events);
    }

    @Test
    void aOneFrameBlipOfAnotherPersonChangesNothing() {
        frames(ALICE, 0.1f, 2);
        frame(BOB, 1f);
        frames(ALICE, 1f, 3);
        assertEquals(List.of("FIRST:alice"), events);
        assertEquals("alice", fusion.end(visit, gallery).label());
    }

    @Test
    void unknownBecomesANameOnlyWithTheNameEvidence() {
        frames(STRANGER, 0.1f, 4);
        assertEquals(List.of("FIRST:unknown"), events);
        frame(ALICE, 1f); // fused: mostly alice now, one frame says so
        assertEquals(List.of("FIRST:unknown"), events);
        frame(ALICE, 1f);
        assertEquals(List.of("FIRST:unknown", "CHANGED:alice"), events);
    }

    @Test
    void aNamedVisitIsNotDemotedToUnknownAndEndsWithItsName() {
        frames(ALICE, 0.1f, 2);
        frames(STRANGER, 1f, 10);
        assertEquals(List.of("FIRST:alice"), events);
        TrackDecision end = fusion.end(visit, gallery);
        assertEquals(TrackFusion.ENDED, end.type());
        assertEquals("alice", end.label());
        assertEquals("alice", end.match().identityId());
        assertEquals("ALICE", end.match().name());
    }

    @Test
    void aTrackedVisitTooShortForEvidenceEndsUnknownAnUntrackedFaceGetsItsVerdict() {
        frame(ALICE, 1f);
        assertTrue(events.isEmpty());
        assertEquals(TrackFusion.UNKNOWN, fusion.end(visit, gallery).label(), "one frame is no evidence for a name");
        TrackState untracked = new TrackState("cam", -1, 3);
        fusion.add(untracked, face(5_000, 1f, null, false), ALICE, 0, gallery);
        assertEquals("alice", fusion.end(untracked, gallery).label(), "without a tracker one face is all there is");
        TrackState stranger = new TrackState("cam", -1, 3);
        fusion.add(stranger, face(6_000, 1f, null, false), STRANGER, 0, gallery);
        assertEquals(TrackFusion.UNKNOWN, fusion.end(stranger, gallery).label());
    }

    @Test
    void theVisitKeepsItsSummary() {
        Occlusion masked = new Occlusion(null, 0.4f, 0, 0, 1, true, "test");
        fusion.add(visit, face(1_000, 1f, masked, true), ALICE, 10, gallery);
        fusion.add(visit, face(1_500, 1f, masked, false), ALICE, 20, gallery);
        fusion.add(visit, face(2_000, 1f, null, false), POOR_ALICE, 30, gallery);
        fusion.add(visit, face(3_000, 1f, null, false), ALICE, 40, gallery);
        fusion.end(visit, gallery);
        assertEquals(1_000, visit.firstCaptureMs);
        assertEquals(3_000, visit.lastCaptureMs);
        assertEquals(4, visit.frames);
        assertEquals(2, visit.occludedFrames);
        assertEquals(1, visit.repairedFrames);
        assertEquals(1f, visit.bestSimilarity, 1e-5f, "the first frames are alice exactly");
        assertEquals(40, visit.lastSeenWallMs);
    }
}
