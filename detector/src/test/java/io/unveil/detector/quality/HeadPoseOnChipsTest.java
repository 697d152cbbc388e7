package io.unveil.detector.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.unveil.core.serde.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * face-api landmarks of dlib's aligned 150x150 chips (the parity fixtures, from the Node reference) are of roughly
 * frontal faces: the estimated pose must say so.
 */
class HeadPoseOnChipsTest {
    @Test
    void alignedChipsReadAsFrontal() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/parity/dlib-johns-chips.json")) {
            root = Json.MAPPER.readTree(in);
        }
        List<Double> yaws = new ArrayList<>(), pitches = new ArrayList<>(), rolls = new ArrayList<>();
        for (JsonNode chip : root.get("chips")) {
            JsonNode lm = chip.get("landmarks");
            if (lm == null || lm.size() != 136) continue;
            float[] pts = new float[136];
            for (int i = 0; i < 136; i++) pts[i] = (float) lm.get(i).asDouble();
            HeadPose.Angles a = HeadPose.estimate(pts, chip.get("width").asInt(), chip.get("height").asInt());
            yaws.add(a.yaw());
            pitches.add(a.pitch());
            rolls.add(a.roll());
        }
        assertTrue(yaws.size() >= 20, "chips with landmarks: " + yaws.size());
        double my = median(yaws), mp = median(pitches), mr = median(rolls);
        System.out.printf("dlib chips: median yaw %.1f pitch %.1f roll %.1f (n=%d)%n", my, mp, mr, yaws.size());
        assertEquals(0, my, 10, "median yaw");
        assertEquals(0, mr, 5, "median roll (chips are roll-corrected)");
        assertEquals(0, mp, 12, "median pitch");
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
