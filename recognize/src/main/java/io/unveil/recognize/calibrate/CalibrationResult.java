package io.unveil.recognize.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.unveil.core.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import io.unveil.recognize.match.ThresholdSchedule;
import io.unveil.recognize.match.Thresholds;

/**
 * The calibration file written by {@code unveil calibrate} and read by {@code unveil run}: the threshold for a target
 * false-accept rate, the FAR/FRR measured at it, score medians, where the scores came from, and the center (mean unit
 * descriptor) that matching subtracts before the cosine (null in files made without centering). The top-level
 * threshold is that of plain probes against plain centroids.
 *
 * <p>{@code model}: the {@code recognize.model} the scores were made with (null in files older than the field).
 * {@code conditions}: one threshold per probe condition at the same target FAR, keyed {@value #PLAIN}, {@value #OCCLUDED},
 * {@value #REPAIRED} (probes against plain centroids) and {@value #OCCLUDED_MATCHED}, {@value #REPAIRED_MATCHED}
 * (against the occlusion-matched centroid of the probe's region); null or partial in older files, where
 * {@link #thresholds()} falls back to the plain threshold and no matched comparison.
 */
public record CalibrationResult(float threshold, double targetFar, double far, double frr, int genuinePairs,
                                int impostorPairs, float genuineMedian, float impostorMedian, float impostorP999,
                                String data, String modelVersion, long createdMs, float[] center, String model,
                                Map<String, ConditionCalibration> conditions) {
    public static final String PLAIN = "plain", OCCLUDED = "occluded", REPAIRED = "repaired",
            OCCLUDED_MATCHED = "occluded-matched", REPAIRED_MATCHED = "repaired-matched";

    /** A plain-only calibration (as files were before per-condition thresholds). */
    public CalibrationResult(float threshold, double targetFar, double far, double frr, int genuinePairs, int impostorPairs,
                             float genuineMedian, float impostorMedian, float impostorP999, String data, String modelVersion,
                             long createdMs, float[] center) {
        this(threshold, targetFar, far, frr, genuinePairs, impostorPairs, genuineMedian, impostorMedian, impostorP999, data,
                modelVersion, createdMs, center, null, null);
    }

    public CalibrationResult withSource(String data, String modelVersion) {
        return new CalibrationResult(threshold, targetFar, far, frr, genuinePairs, impostorPairs, genuineMedian,
                impostorMedian, impostorP999, data, modelVersion, createdMs, center, model, conditions);
    }

    /** The same calibration for {@code recognize.model} {@code model} with these per-condition thresholds. */
    public CalibrationResult withConditions(String model, Map<String, ConditionCalibration> conditions) {
        return new CalibrationResult(threshold, targetFar, far, frr, genuinePairs, impostorPairs, genuineMedian,
                impostorMedian, impostorP999, data, modelVersion, createdMs, center, model,
                conditions == null ? null : new LinkedHashMap<>(conditions));
    }

    /** The thresholds the matcher holds each probe condition to (see the class comment for older files). */
    public Thresholds thresholds() {
        float plain = threshold(PLAIN, threshold);
        return new Thresholds(plain, threshold(OCCLUDED, plain), threshold(REPAIRED, plain), threshold(OCCLUDED_MATCHED, Float.NaN),
                threshold(REPAIRED_MATCHED, Float.NaN));
    }

    /** Keys of the conditions in the order of {@link ThresholdSchedule}'s curves. */
    private static final String[] SCHEDULE_ORDER = {PLAIN, OCCLUDED, REPAIRED, OCCLUDED_MATCHED, REPAIRED_MATCHED};

    /** True when some condition has thresholds below the file's own FAR (files of `unveil calibrate` since 2026-12-06). */
    public boolean hasCurves() {
        return conditions != null && conditions.values().stream().anyMatch(c -> c.curve() != null && c.curve().size() > 1);
    }

    /**
     * The thresholds for any gallery size with {@code recognize.visit-far} {@code visitFar} (0: {@link #thresholds()} at
     * every size). A condition without a curve keeps its threshold.
     */
    public ThresholdSchedule schedule(double visitFar) {
        ThresholdSchedule.Curve[] curves = new ThresholdSchedule.Curve[SCHEDULE_ORDER.length];
        for (int i = 0; i < curves.length; i++) {
            ConditionCalibration c = conditions == null ? null : conditions.get(SCHEDULE_ORDER[i]);
            if (c == null || c.curve() == null || c.curve().isEmpty()) continue;
            double[] far = c.curve().stream().mapToDouble(ConditionCalibration.FarPoint::far).toArray();
            float[] t = new float[far.length];
            for (int k = 0; k < t.length; k++) t[k] = c.curve().get(k).threshold();
            curves[i] = new ThresholdSchedule.Curve(far, t);
        }
        return new ThresholdSchedule(thresholds(), curves, visitFar, targetFar);
    }

    private float threshold(String condition, float fallback) {
        ConditionCalibration c = conditions == null ? null : conditions.get(condition);
        return c == null ? fallback : c.threshold();
    }

    public void write(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            ObjectMapper pretty = Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);
            Files.write(file, pretty.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write calibration file " + file, e);
        }
    }

    /** Classpath resource of the calibration shipped for {@code recognize.model} {@code model} (celeba-subset TRAIN). */
    public static String bundledResource(String model) {
        return "/io/unveil/recognize/calibration/" + model + ".json";
    }

    /**
     * The calibration bundled for {@code recognize.model} {@code model}; a model without one is refused with what to do,
     * so a newly registered recognizer cannot start on another model's threshold.
     */
    public static CalibrationResult bundled(String model) {
        String resource = bundledResource(model);
        try (java.io.InputStream in = CalibrationResult.class.getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalArgumentException("recognize.model=" + model + " has no bundled calibration (" + resource
                        + "): run `unveil calibrate --model " + model + " --data DIR --split train --out " + model + ".json` and set "
                        + "recognize.calibration to it, or add it to recognize/src/main/resources" + resource);
            CalibrationResult r = Json.MAPPER.readValue(in, CalibrationResult.class);
            if (r.model() != null && !r.model().equals(model))
                throw new IllegalArgumentException("bundled calibration " + resource + " was made for recognize.model=" + r.model());
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled calibration " + resource, e);
        }
    }

    public static CalibrationResult read(Path file) {
        try {
            CalibrationResult r = Json.MAPPER.readValue(file.toFile(), CalibrationResult.class);
            if (!(r.threshold() > -1f && r.threshold() < 1f))
                throw new IllegalArgumentException("calibration file " + file + " has no valid threshold");
            return r;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read calibration file " + file + ": " + e.getMessage(), e);
        }
    }
}
