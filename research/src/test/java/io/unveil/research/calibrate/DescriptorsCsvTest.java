package io.unveil.research.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unveil.core.record.OcclusionRegion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calibrate --descriptors}: one CSV row per photo and condition, the values as the embedder gave them. */
class DescriptorsCsvTest {
    private static float[] v(float a, float b) {
        return new float[]{a, b};
    }

    @Test
    void everyPhotoGivesARowPerConditionItHas(@TempDir Path dir) throws Exception {
        Map<String, List<Calibrate.Photo>> byId = new LinkedHashMap<>();
        byId.put("a", List.of(new Calibrate.Photo(v(1, 0), v(0.5f, 0.5f), null, OcclusionRegion.LOWER, v(0.9f, 0.1f), v(0.8f, 0.2f), null)));
        byId.put("b", List.of(new Calibrate.Photo(v(0, 1), v(0.25f, 0.75f), v(0.1f, 0.9f), OcclusionRegion.EYES, v(0, 1), v(0.3f, 0.7f),
                v(0.2f, 0.8f))));
        Path f = dir.resolve("d.csv");
        Calibrate.writeDescriptors(byId, f);
        List<String> lines = Files.readAllLines(f);
        assertEquals("identity,photo,condition,region,d0,d1", lines.get(0));
        assertEquals(List.of(
                "a,0,plain,LOWER,1.0,0.0", "a,0,occluded,LOWER,0.5,0.5", "a,0,lower,LOWER,0.9,0.1", "a,0,eyes,LOWER,0.8,0.2",
                "b,0,plain,EYES,0.0,1.0", "b,0,occluded,EYES,0.25,0.75", "b,0,repaired,EYES,0.1,0.9", "b,0,lower,EYES,0.0,1.0",
                "b,0,eyes,EYES,0.3,0.7", "b,0,harmonized,EYES,0.2,0.8"), lines.subList(1, lines.size()));
    }
}
