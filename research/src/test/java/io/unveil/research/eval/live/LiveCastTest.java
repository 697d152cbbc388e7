package io.unveil.research.eval.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveCastTest {
    /** 30 identities; p00..p09 have 4 photos (too few to enroll 2 + show 3), the others 8. */
    static Map<String, List<Path>> set() {
        Map<String, List<Path>> m = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            List<Path> photos = new ArrayList<>();
            for (int k = 0; k < (i < 10 ? 4 : 8); k++) photos.add(Path.of(String.format("p%02d/%d.jpg", i, k)));
            m.put(String.format("p%02d", i), photos);
        }
        return m;
    }

    @Test
    void peopleArePickedBySeedWithDisjointPhotos() {
        LiveCast a = LiveCast.pick(set(), 6, 8, 2, 3, 7), b = LiveCast.pick(set(), 6, 8, 2, 3, 7);
        assertEquals(a, b, "same seed, same people and photos");
        assertNotEquals(a, LiveCast.pick(set(), 6, 8, 2, 3, 8));
        Set<String> ids = new HashSet<>();
        for (LiveCast.Person p : a.everyone()) assertTrue(ids.add(p.identity()), "each identity once: " + p.identity());
        for (LiveCast.Person p : a.enrolled()) {
            assertTrue(p.enrolled());
            assertEquals(2, p.enrollPhotos().size());
            assertEquals(3, p.shownPhotos().size());
            Set<Path> photos = new HashSet<>(p.enrollPhotos());
            photos.addAll(p.shownPhotos());
            assertEquals(5, photos.size(), "the camera never shows an enrollment photo");
            assertTrue(p.identity().compareTo("p10") >= 0, "only identities with enough photos are enrolled");
        }
        for (LiveCast.Person p : a.strangers()) assertEquals(List.of(), p.enrollPhotos());
        assertThrows(IllegalArgumentException.class, () -> LiveCast.pick(set(), 21, 0, 2, 3, 1), "20 identities have 5+ photos");
    }

    @Test
    void theOccludedShareHoldsOnEachSide() {
        LiveCast cast = LiveCast.pick(set(), 6, 8, 2, 3, 7);
        List<LivePlan.Shot> shots = LivePlan.shots(cast, 0.5, 7);
        assertEquals(42, shots.size());
        assertEquals(9, shots.stream().filter(s -> s.person().enrolled() && s.occlude()).count());
        assertEquals(12, shots.stream().filter(s -> !s.person().enrolled() && s.occlude()).count());
        assertEquals(shots, LivePlan.shots(cast, 0.5, 7));
        assertEquals(0, LivePlan.shots(cast, 0, 7).stream().filter(LivePlan.Shot::occlude).count());
    }

    @Test
    void distractorsAreEnrolledFromOutsideTheCastBySeed() {
        LiveCast cast = LiveCast.pick(set(), 6, 8, 2, 3, 7);
        LiveOptions o = new LiveOptions(Path.of("x"), "test-set", false, 6, 8, 2, 3, "none", 0, 7, null, List.of(), 10, 5, 2,
                Path.of("out"), java.time.Duration.ofSeconds(60), 10);
        List<LiveSetup.Enrollee> d = LiveEvaluation.distractors(set(), cast, o);
        assertEquals(10, d.size());
        Set<String> inCast = new HashSet<>();
        cast.enrolled().forEach(p -> inCast.add(p.identity()));
        cast.strangers().forEach(p -> inCast.add(p.identity()));
        for (LiveSetup.Enrollee e : d) {
            assertTrue(!inCast.contains(e.identity()), e.identity() + " is shown: it cannot be a distractor");
            assertEquals(2, e.photos().size());
        }
        assertEquals(d, LiveEvaluation.distractors(set(), cast, o), "the same seed picks the same people");
        LiveOptions tooMany = new LiveOptions(Path.of("x"), "test-set", false, 6, 8, 2, 3, "none", 0, 7, null, List.of(), 10, 5, 2,
                Path.of("out"), java.time.Duration.ofSeconds(60), 17);
        assertThrows(IllegalArgumentException.class, () -> LiveEvaluation.distractors(set(), cast, tooMany), "30 - 14 = 16 outside the cast");
        assertEquals(List.of(), LiveEvaluation.distractors(set(), cast, new LiveOptions(Path.of("x"), "test-set", false, 6, 8, 2, 3,
                "none", 0, 7, null, List.of(), 10, 5, 2, Path.of("out"), java.time.Duration.ofSeconds(60))));
    }
}
