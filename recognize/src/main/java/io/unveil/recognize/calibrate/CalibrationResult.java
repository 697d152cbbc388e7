package io.unveil.recognize.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.unveil.core.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calibration file written by {@code unveil calibrate} and read by {@code unveil run}: the threshold for a target
 * false-accept rate, the FAR/FRR measured at it, score medians, where the scores came from, and the center (mean unit
 * descriptor) that matching subtracts before the cosine (null in files made without centering).
 */
public record CalibrationResult(float threshold, double targetFar, double far, double frr, int genuinePairs,
                                int impostorPairs, float genuineMedian, float impostorMedian, float impostorP999,
                                String data, String modelVersion, long createdMs, float[] center) {

    public CalibrationResult withSource(String data, String modelVersion) {
        return new CalibrationResult(threshold, targetFar, far, frr, genuinePairs, impostorPairs, genuineMedian,
                impostorMedian, impostorP999, data, modelVersion, createdMs, center);
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

    /** Classpath resource of the calibration shipped with the module (face-api recognizer, celeba-subset TRAIN). */
    public static final String BUNDLED = "/io/unveil/recognize/calibration/face-api-celeba-train.json";

    /** The bundled calibration, or null when the resource is absent. */
    public static CalibrationResult bundled() {
        try (java.io.InputStream in = CalibrationResult.class.getResourceAsStream(BUNDLED)) {
            return in == null ? null : Json.MAPPER.readValue(in, CalibrationResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled calibration " + BUNDLED, e);
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
