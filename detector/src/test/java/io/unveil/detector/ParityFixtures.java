package io.unveil.detector;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.config.UnveilHome;
import io.unveil.core.model.FaceApiModels;
import io.unveil.core.serde.Json;
import io.unveil.core.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The face-api outputs written by tools/parity/make-fixtures.mjs (test resources under parity/). */
public final class ParityFixtures {
    private ParityFixtures() {
    }

    public static JsonNode read(String name) {
        try (InputStream in = ParityFixtures.class.getResourceAsStream("/parity/" + name)) {
            if (in == null) throw new IllegalStateException("fixture parity/" + name + " missing: run node tools/parity/make-fixtures.mjs");
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static float[] floats(JsonNode arr) {
        float[] f = new float[arr.size()];
        for (int i = 0; i < f.length; i++) f[i] = (float) arr.get(i).asDouble();
        return f;
    }

    /** Skips the test when the face-api weights are neither cached nor fetchable (no npm). */
    public static void assumeModels() {
        boolean cached = new FaceApiModels(UnveilHome.models()).verifyAll() == null;
        assumeTrue(cached || TestData.hasNpm(), "skipped: face-api models not cached and npm not found to fetch them");
    }
}
