package io.unveil.recognize.fused;

import io.unveil.core.model.ModelFetchException;
import io.unveil.recognize.Embedder;
import io.unveil.recognize.faceapi.FaceRecognitionNet;
import io.unveil.recognize.faceapi.RobustRecognizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code recognize.model=fused}: robust-v3 and the pinned MobileFaceNet as one {@link FusedEmbedder}, centred on the
 * means bundled in {@value #CENTRES} (how they were made: fused/MODEL_CARD.md).
 */
public final class FusedRecognizer {
    public static final String CENTRES = "/io/unveil/recognize/fused/centres.csv";

    private FusedRecognizer() {
    }

    public static FusedEmbedder load() {
        Map<String, float[]> c = centres();
        Embedder robust = RobustRecognizer.load();
        try {
            return new FusedEmbedder(robust, c.get("robust"), MobileFaceNetEmbedder.load(), c.get("mobilefacenet"));
        } catch (RuntimeException e) {
            robust.close();
            throw e;
        }
    }

    /** name -> centre, from the bundled CSV (one row a network: name, then its values). */
    static Map<String, float[]> centres() {
        Map<String, float[]> m = new LinkedHashMap<>();
        try (InputStream in = FusedRecognizer.class.getResourceAsStream(CENTRES)) {
            if (in == null) throw new ModelFetchException("the fused recognizer's centres " + CENTRES + " are not on the classpath");
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.trim().split(",");
                float[] v = new float[f.length - 1];
                for (int i = 1; i < f.length; i++) v[i - 1] = Float.parseFloat(f[i]);
                m.put(f[0], v);
            }
        } catch (IOException | NumberFormatException e) {
            throw new ModelFetchException("corrupt " + CENTRES + ": " + e.getMessage(), e);
        }
        if (m.get("robust") == null || m.get("robust").length != FaceRecognitionNet.DESCRIPTOR_SIZE || m.get("mobilefacenet") == null
                || m.get("mobilefacenet").length != MobileFaceNetEmbedder.DESCRIPTOR_SIZE)
            throw new ModelFetchException(CENTRES + " must hold a " + FaceRecognitionNet.DESCRIPTOR_SIZE + "-value `robust` row and a "
                    + MobileFaceNetEmbedder.DESCRIPTOR_SIZE + "-value `mobilefacenet` row");
        return m;
    }
}
