package io.unveil.recognize.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unveil.core.record.GalleryEntry;
import io.unveil.recognize.calibrate.CalibrationResult;
import io.unveil.recognize.calibrate.ConditionCalibration;
import io.unveil.recognize.calibrate.ConditionCalibration.FarPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thresholds that follow the gallery's size ({@code recognize.visit-far}): {@link ThresholdSchedule}, {@link GalleryIndex}. */
class ThresholdScheduleTest {
    static final Thresholds BASE = new Thresholds(0.60f, 0.65f, 0.66f, 0.70f, 0.69f);
    /** Plain: 0.60 at 1e-3, 0.64 at 1e-4, 0.70 at 1e-5; the other conditions without a curve. */
    static final ThresholdSchedule.Curve PLAIN = new ThresholdSchedule.Curve(new double[]{1e-3, 1e-4, 1e-5}, new float[]{0.60f, 0.64f, 0.70f});

    static ThresholdSchedule schedule(double visitFar) {
        return new ThresholdSchedule(BASE, new ThresholdSchedule.Curve[]{PLAIN, null, null, null, null}, visitFar);
    }

    @Test
    void eachComparisonGetsTheVisitFarSharedOverTheGallery() {
        ThresholdSchedule s = schedule(0.01);
        assertEquals(1e-3, s.comparisonFar(10), 1e-12);
        assertEquals(0.60f, s.at(10).plain(), 1e-6f, "FAR 1e-3 is the calibration's own point");
        assertEquals(0.64f, s.at(100).plain(), 1e-6f, "100 identities: FAR 1e-4 per comparison");
        // halfway in log FAR between 1e-4 and 1e-5 (FAR 10^-4.5 = 0.01 / 316.2)
        assertEquals(0.67f, s.at(316).plain(), 1e-3f);
        assertEquals(0.70f, s.at(1000).plain(), 1e-6f);
        assertEquals(0.70f, s.at(100_000).plain(), 1e-6f, "beyond the calibration's lowest FAR: its strictest threshold");
    }

    @Test
    void neverLooserThanTheCalibrationAndConditionsWithoutACurveKeepTheirs() {
        ThresholdSchedule s = schedule(0.05);
        assertEquals(0.60f, s.at(2).plain(), 1e-6f, "FAR 2.5e-2 per comparison would be looser than the calibration: not taken");
        Thresholds big = s.at(5000);
        assertEquals(0.70f, big.plain(), 1e-6f);
        assertEquals(BASE.occluded(), big.occluded());
        assertEquals(BASE.occludedMatched(), big.occludedMatched());
        float last = 0f;
        for (int n = 1; n < 3000; n += 7) {
            float t = s.at(n).plain();
            assertTrue(t >= last, "thresholds do not fall as the gallery grows: " + n);
            last = t;
        }
    }

    @Test
    void aFixedFarPerComparisonNamesMoreStrangersAsTheGalleryGrows() {
        assertEquals(0.0198, ThresholdSchedule.strangersNamed(1e-3, 20), 1e-4);
        assertEquals(0.632, ThresholdSchedule.strangersNamed(1e-3, 1000), 1e-3);
        // visit-far 0.02 over 1000 identities: FAR 2e-5 per comparison, about 2 % of strangers' visits again
        assertEquals(0.0198, ThresholdSchedule.strangersNamed(schedule(0.02).comparisonFar(1000), 1000), 1e-4);
    }

    @Test
    void theGalleryEstimatesTheShareOfStrangersItsThresholdsMayName() {
        GalleryIndex fixed = new GalleryIndex(null, new ThresholdSchedule(BASE, new ThresholdSchedule.Curve[]{PLAIN, null, null, null, null}, 0, 1e-3), false);
        GalleryIndex held = new GalleryIndex(null, new ThresholdSchedule(BASE, new ThresholdSchedule.Curve[]{PLAIN, null, null, null, null}, 0.02, 1e-3), false);
        for (int i = 0; i < 200; i++) {
            fixed.apply("id" + i, entry("id" + i, i));
            held.apply("id" + i, entry("id" + i, i));
        }
        assertEquals(ThresholdSchedule.strangersNamed(1e-3, 200), fixed.strangersNamedEstimate(), 1e-9);
        assertEquals(0.181, fixed.strangersNamedEstimate(), 1e-3);
        // 0.02 over 200: FAR 1e-4 per comparison, about 2 %
        assertEquals(0.0198, held.strangersNamedEstimate(), 1e-4);
        GalleryIndex explicit = new GalleryIndex(null, ThresholdSchedule.fixed(BASE), false);
        explicit.apply("a", entry("a", 0));
        assertTrue(Double.isNaN(explicit.strangersNamedEstimate()), "an explicit threshold's FAR is unknown");
    }

    @Test
    void offOrFixedIsTheSameAtEverySize() {
        assertSame(BASE, schedule(0).at(10_000));
        assertSame(BASE, ThresholdSchedule.fixed(BASE).at(10_000));
        assertThrows(IllegalArgumentException.class, () -> schedule(1.0));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdSchedule.Curve(new double[]{1e-4, 1e-3}, new float[]{0.6f, 0.7f}));
    }

    @Test
    void theGalleryIsHeldToTheThresholdsOfItsSizeAsPeopleAreEnrolledAndDeleted() {
        GalleryIndex idx = new GalleryIndex(null, schedule(0.01), false);
        for (int i = 0; i < 10; i++) idx.apply("id" + i, entry("id" + i, i));
        assertEquals(0.60f, idx.snapshot().thresholds().plain(), 1e-6f);
        for (int i = 10; i < 100; i++) idx.apply("id" + i, entry("id" + i, i));
        assertEquals(0.64f, idx.snapshot().thresholds().plain(), 1e-6f);
        // a probe at cosine 0.62 to id0: named in a gallery of 10, unknown in a gallery of 100
        float[] probe = {0.62f, (float) Math.sqrt(1 - 0.62 * 0.62), 0f};
        OpenSetPolicy policy = new OpenSetPolicy(0.6f, 0f);
        assertTrue(!policy.accepts(idx.snapshot().match(probe, ProbeCondition.PLAIN)));
        for (int i = 10; i < 100; i++) idx.apply("id" + i, null);
        assertEquals(10, idx.snapshot().size());
        assertEquals(0.60f, idx.snapshot().thresholds().plain(), 1e-6f);
        assertTrue(policy.accepts(idx.snapshot().match(probe, ProbeCondition.PLAIN)));
    }

    /** id0 along x; the others far from x and from each other. */
    private static GalleryEntry entry(String id, int i) {
        float[] c = new float[3];
        if (i == 0) c[0] = 1f;
        else {
            double a = Math.toRadians(100 + i * 1.5);
            c[0] = (float) Math.cos(a);
            c[1] = 0f;
            c[2] = (float) Math.sin(a);
        }
        return new GalleryEntry(id, id, c, 3, 0.8f, 1, 0, 0, Map.of(), null);
    }

    @Test
    void aCalibrationFileGivesTheScheduleOfItsCurves() {
        Map<String, ConditionCalibration> conditions = new LinkedHashMap<>();
        conditions.put(CalibrationResult.PLAIN, new ConditionCalibration(0.6f, 1e-3, 0.1, 10, 100_000, 0.8f, 0f, "p",
                List.of(new FarPoint(1e-3, 0.6f, 0.9), new FarPoint(1e-4, 0.64f, 0.8))));
        conditions.put(CalibrationResult.OCCLUDED, new ConditionCalibration(0.65f, 1e-3, 0.2, 10, 100_000, 0.7f, 0f, "o"));
        CalibrationResult cal = new CalibrationResult(0.6f, 1e-3, 1e-3, 0.1, 10, 100_000, 0.8f, 0f, 0.6f, "d", "m", 0L, null)
                .withConditions("robust", conditions);
        assertTrue(cal.hasCurves());
        Thresholds at100 = cal.schedule(0.01).at(100);
        assertEquals(0.64f, at100.plain(), 1e-6f);
        assertEquals(0.65f, at100.occluded(), 1e-6f, "no curve: its own threshold");
        CalibrationResult old = new CalibrationResult(0.6f, 1e-3, 1e-3, 0.1, 10, 100_000, 0.8f, 0f, 0.6f, "d", "m", 0L, null);
        assertTrue(!old.hasCurves());
        assertEquals(0.6f, old.schedule(0.01).at(1000).plain(), 1e-6f);
    }
}
