package io.unveil.research.eval.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.RecognitionEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segment mapping and decisions on a synthetic event stream whose answers are known. */
class SegmentScorerTest {
    static final double FPS = 10;
    static final long ORIGIN = 1_700_000_000_000L;
    static final byte[] ALIGNED = {1, 2, 3}, REPAIRED = {4, 5};

    /** Segments of 20 frames every 45 frames: A enrolled plain, B enrolled occluded, C stranger, A again occluded, D stranger occluded. */
    static List<Segment> segments() {
        String[][] who = {{"A", "y", null}, {"B", "y", "medical-mask"}, {"C", "n", null}, {"A", "y", "medical-mask"}, {"D", "n", "medical-mask"}};
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < who.length; i++)
            out.add(new Segment(i, who[i][0], who[i][1].equals("y"), who[i][2], Path.of(who[i][0] + i + ".jpg"), 45 * i, 45 * i + 20));
        return out;
    }

    static long at(int frame) {
        return ORIGIN + Math.round(frame * 1000 / FPS);
    }

    static RecognitionEvent named(String type, int frame, long track, String id, float sim) {
        return new RecognitionEvent("e" + frame, type, "live", at(frame), track, null, id, id == null ? null : id.toUpperCase(), null, sim, 0.1f, 3,
                0f, false, false, Map.of(), new RecognitionEvent.Thumbnails(ALIGNED, null, REPAIRED));
    }

    static RecognitionEvent unknown(String type, int frame, long track) {
        return new RecognitionEvent("u" + frame, type, "live", at(frame), track, null, null, null, "unknown-" + track, 0.3f, 0.1f, 3, 0.4f, true,
                false, Map.of(), null);
    }

    @Test
    void mapsEventsToSegmentsAndDecidesEachOne() {
        List<RecognitionEvent> events = List.of(
                named("FIRST", 2, 1, "id-a", 0.8f), named("ENDED", 19, 1, "id-a", 0.82f), // A plain: correct 0.2 s after its start
                unknown("FIRST", 50, 2), // B occluded: unknown
                named("FIRST", 93, 3, "id-a", 0.7f), // stranger C named A: wrong
                named("ENDED", 112, 3, "id-a", 0.7f), // C's ENDED stamped in the gap after it: mapped through track 3
                named("FIRST", 136, 4, "id-a", 0.75f), named("CHANGED", 140, 4, "id-b", 0.72f), // A named, then B: wrong
                unknown("ENDED", 220, 99), // in a gap, on a track seen nowhere else: unmapped
                new RecognitionEvent("r", "RETROACTIVE", "live", at(3), 1, null, "id-b", "B", null, 0.7f, 0.1f, 3, 0f, false, true, Map.of(), null));
        List<LiveRecording.SeenFace> faces = List.of(new LiveRecording.SeenFace(at(185), 5, ALIGNED), new LiveRecording.SeenFace(at(2), 1, null));
        LiveRecording rec = new LiveRecording(ORIGIN, Map.of("A", "id-a", "B", "id-b"), Map.of(), events, faces, List.of("ingest"), null);

        SegmentScorer.Scored s = SegmentScorer.score(segments(), rec, FPS);
        List<SegmentResult> r = s.segments();
        assertEquals(1, s.unmappedEvents());
        assertEquals(1, s.retroactiveEvents());

        assertEquals(Decision.CORRECT, r.get(0).decision());
        assertEquals("id-a", r.get(0).namedId());
        assertEquals(0.2, r.get(0).firstRightSeconds(), 1e-9);
        assertEquals(2, r.get(0).events());
        assertEquals(1, r.get(0).faces());
        assertArrayEquals(ALIGNED, r.get(0).alignedPng());
        assertArrayEquals(REPAIRED, r.get(0).repairedPng());

        assertEquals(Decision.UNKNOWN, r.get(1).decision());
        assertNull(r.get(1).namedId());
        assertTrue(Double.isNaN(r.get(1).firstRightSeconds()), "an unknown is not right for an enrolled person");
        assertTrue(r.get(1).inpainted());

        assertEquals(Decision.WRONG, r.get(2).decision());
        assertEquals(2, r.get(2).events(), "the ENDED in the gap joins its track's segment");
        assertEquals("id-a", r.get(2).namedId());

        assertEquals(Decision.WRONG, r.get(3).decision(), "named right first, then another identity: wrong");
        assertEquals("id-b", r.get(3).namedId());
        assertTrue(Double.isNaN(r.get(3).firstRightSeconds()));

        assertEquals(Decision.NO_EVENT, r.get(4).decision());
        assertEquals(1, r.get(4).faces());
        assertArrayEquals(ALIGNED, r.get(4).alignedPng(), "no event: the first face seen is shown");

        List<LiveTable.Row> rows = LiveTable.rows(r);
        LiveTable.Row plain = rows.get(LiveGroup.ENROLLED_PLAIN.ordinal()), occluded = rows.get(LiveGroup.ENROLLED_OCCLUDED.ordinal());
        assertEquals(List.of(1, 1, 0, 0, 0), List.of(plain.segments(), plain.correct(), plain.wrong(), plain.unknown(), plain.noEvent()));
        assertEquals(0.2, plain.medianFirstRightS(), 1e-9);
        assertEquals(List.of(2, 0, 1, 1, 0, 2), List.of(occluded.segments(), occluded.correct(), occluded.wrong(), occluded.unknown(), occluded.noEvent(),
                occluded.noFace()));
        LiveTable.Row strangers = rows.get(LiveGroup.STRANGERS_PLAIN.ordinal()), masked = rows.get(LiveGroup.STRANGERS_OCCLUDED.ordinal());
        assertEquals(List.of(1, 1, 0), List.of(strangers.segments(), strangers.wrong(), strangers.right()));
        assertEquals(List.of(1, 1, 0), List.of(masked.segments(), masked.noEvent(), masked.noFace()));
        assertTrue(LiveTable.markdown(rows).contains("| enrolled, occluded | 2 | 0/2 (0%) | 1/2 (50%) | 1/2 (50%) | 0/2 (0%) | 2/2 (100%) | - |"),
                LiveTable.markdown(rows));
        assertEquals("wrong names: 2 of 5 segments", LiveTable.summary(rows));
    }

    @Test
    void aStrangerCalledUnknownIsRightAndTimedFromTheSegmentStart() {
        LiveRecording rec = new LiveRecording(ORIGIN, Map.of("A", "id-a"), Map.of(), List.of(unknown("FIRST", 97, 7), unknown("ENDED", 109, 7)),
                List.of(), List.of(), null);
        SegmentResult c = SegmentScorer.score(segments(), rec, FPS).segments().get(2);
        assertEquals(Decision.UNKNOWN, c.decision());
        assertEquals(0.7, c.firstRightSeconds(), 1e-9);
        assertEquals(1, LiveTable.rows(List.of(c)).get(LiveGroup.STRANGERS_PLAIN.ordinal()).right());
    }

    @Test
    void theDecisionLatencyAndUnknownsTurnedIntoNamesAreCounted() {
        // segment A (frames 0-19): a visit first seen at frame 1, announced unknown at frame 5, then changed to A at 8
        RecognitionEvent.Visit soFar = new RecognitionEvent.Visit(at(1), at(5), 5, 1, 0.5f, 0f, 0f);
        RecognitionEvent first = new RecognitionEvent("f", "FIRST", "live", at(5), 1, null, null, null, "unknown-1", 0.5f, 0.1f, 5, 0f, false,
                false, Map.of(), null, soFar);
        RecognitionEvent changed = new RecognitionEvent("c", "CHANGED", "live", at(8), 1, null, "id-a", "A", null, 0.7f, 0.1f, 8, 0f, false,
                false, Map.of(), null, new RecognitionEvent.Visit(at(1), at(8), 8, 1, 0.7f, 0f, 0f));
        // segment B: a named visit changed to another name (not an unknown turned into a name)
        List<RecognitionEvent> events = List.of(first, changed, named("FIRST", 47, 2, "id-b", 0.8f), named("CHANGED", 52, 2, "id-a", 0.8f));
        LiveRecording rec = new LiveRecording(ORIGIN, Map.of("A", "id-a", "B", "id-b"), Map.of(), events, List.of(), List.of(), null);
        SegmentScorer.Scored s = SegmentScorer.score(segments(), rec, FPS);
        assertEquals(2, s.changedEvents());
        assertEquals(1, s.unknownThenNamed());
        assertEquals(0, s.endedEvents());
        SegmentResult a = s.segments().get(0);
        assertEquals(5, a.firstDecisionFrames());
        assertEquals(400, a.firstDecisionMs(), 1e-9, "frame 1 to frame 5 at 10 fps");
        assertTrue(Double.isNaN(s.segments().get(1).firstDecisionFrames()), "an event without its visit summary has no latency");
        LiveTable.Row plain = LiveTable.rows(s.segments()).get(LiveGroup.ENROLLED_PLAIN.ordinal());
        assertEquals(5, plain.medianDecisionFrames());
        assertEquals(400, plain.medianDecisionMs(), 1e-9);
        assertTrue(LiveTable.markdown(LiveTable.rows(s.segments())).contains("| 5 / 400 |"));
    }

    @Test
    void aVisitEndedTwiceIsCounted() {
        // track 7's visit ended, then a late face re-opened it under the same track id and it ended again
        List<RecognitionEvent> events = List.of(unknown("FIRST", 97, 7), unknown("ENDED", 105, 7), unknown("ENDED", 106, 7),
                named("FIRST", 5, 1, "id-a", 0.8f), named("ENDED", 9, 1, "id-a", 0.8f));
        LiveRecording rec = new LiveRecording(ORIGIN, Map.of("A", "id-a"), Map.of(), events, List.of(), List.of(), null);
        SegmentScorer.Scored s = SegmentScorer.score(segments(), rec, FPS);
        assertEquals(3, s.endedEvents());
        assertEquals(1, s.repeatedEnded());
    }

    @Test
    void anEnrollmentTheGalleryRefusedMakesAnyNameWrong() {
        LiveRecording rec = new LiveRecording(ORIGIN, Map.of(), Map.of("A", "HTTP 422: no usable image"), List.of(named("FIRST", 3, 1, "id-x", 0.9f)),
                List.of(), List.of(), null);
        assertEquals(Decision.WRONG, SegmentScorer.score(segments(), rec, FPS).segments().get(0).decision());
    }

    @Test
    void captureTimesMapToTheNearestFrame() {
        assertEquals(0, SegmentScorer.frameOf(ORIGIN, ORIGIN, FPS));
        assertEquals(45, SegmentScorer.frameOf(ORIGIN + 4_500, ORIGIN, FPS));
        assertEquals(45, SegmentScorer.frameOf(ORIGIN + 4_540, ORIGIN, FPS), "a few ms of container rounding stay on the frame");
        assertEquals(-1, SegmentScorer.segmentAt(segments(), 30), "a blank gap belongs to no segment");
        assertEquals(1, SegmentScorer.segmentAt(segments(), 64));
        assertEquals(-1, SegmentScorer.segmentAt(segments(), 65));
    }
}
